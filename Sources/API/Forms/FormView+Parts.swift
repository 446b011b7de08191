import Domain
import GraphQL

extension FormView {
    /// A company as `FormCompany`; `orgId` is the SIRET, or else the VAT number.
    static func company(_ company: FormCompany) -> JSON {
        var object = ViewObject()
        object.set("name", company.name)
        object.set("orgId", company.orgId)
        object.set("siret", company.siret)
        object.set("vatNumber", company.vatNumber)
        object.set("address", company.address)
        object.set("country", company.country)
        object.set("contact", company.contact)
        object.set("phone", company.phone)
        object.set("mail", company.mail)
        object.set("omiNumber", company.omiNumber)
        object.set("extraEuropeanId", company.extraEuropeanId)
        return object.json
    }

    /// Box 1 as `Emitter`.
    static func emitter(_ emitter: Emitter) -> JSON {
        var object = ViewObject()
        object.set("type", emitter.type)
        object.set("workSite", emitter.workSite.map(workSite))
        object.set("pickupSite", emitter.pickupSite)
        object.set("company", emitter.company.map(company))
        object.set("isPrivateIndividual", emitter.isPrivateIndividual)
        object.set("isForeignShip", emitter.isForeignShip)
        return object.json
    }

    /// A work site as `WorkSite`.
    static func workSite(_ site: WorkSite) -> JSON {
        var object = ViewObject()
        object.set("name", site.name)
        object.set("address", site.address)
        object.set("city", site.city)
        object.set("postalCode", site.postalCode)
        object.set("infos", site.infos)
        return object.json
    }

    /// Box 2 as `Recipient`.
    static func recipient(_ recipient: Recipient) -> JSON {
        var object = ViewObject()
        object.set("cap", recipient.cap)
        object.set("processingOperation", recipient.processingOperation)
        object.set("company", recipient.company.map(company))
        object.set("isTempStorage", recipient.isTempStorage)
        return object.json
    }

    /// Boxes 3–6 as `WasteDetails`: tonnes, `consistence` from the consistences,
    /// `packagingInfos` from the packagings and `numberOfPackages` their total count.
    static func wasteDetails(_ waste: WasteDetails) -> JSON {
        var object = ViewObject()
        object.set("code", waste.code)
        object.set("name", waste.name)
        object.set("isDangerous", waste.isDangerous)
        object.set("pop", waste.pop)
        object.set("isSubjectToADR", waste.isSubjectToADR)
        object.set("onuCode", waste.onuCode)
        object.set("nonRoadRegulationMention", waste.nonRoadRegulationMention)
        object.set("packagingInfos", list: waste.packagings.map(packagingInfo))
        object.set("numberOfPackages", waste.packagings.reduce(0) { $0 + $1.quantity })
        object.set("quantity", waste.quantity)
        object.set("quantityType", waste.quantityType)
        object.set("consistence", list: waste.consistences.map { .string($0.rawValue) })
        object.set("sampleNumber", waste.sampleNumber)
        object.set("analysisReferences", list: waste.analysisReferences.map { .string($0) })
        object.set("landIdentifiers", list: waste.landIdentifiers.map { .string($0) })
        return object.json
    }

    /// One packaging line as `PackagingInfo`; the volume is in litres.
    static func packagingInfo(_ packaging: Packaging) -> JSON {
        var object = ViewObject()
        object.set("type", packaging.type)
        object.set("other", packaging.other)
        object.set("quantity", packaging.quantity)
        object.set("volume", packaging.volume.map(Double.init))
        object.set("identificationNumbers", list: packaging.identificationNumbers.map(JSON.string))
        return object.json
    }

    /// A trader or a broker as `Trader` or `Broker` (same shape).
    static func tradingParty(_ party: TradingParty) -> JSON {
        var object = ViewObject()
        object.set("company", party.company.map(company))
        object.set("receipt", party.receipt)
        object.set("department", party.department)
        object.set("validityLimit", party.validityLimit)
        return object.json
    }

    /// The eco-organisme as `FormEcoOrganisme`, whose name and SIRET are both non-null:
    /// nil while either is missing (a draft may hold one without the other).
    static func ecoOrganisme(_ ecoOrganisme: EcoOrganisme) -> JSON? {
        guard let name = ecoOrganisme.name, let siret = ecoOrganisme.siret else { return nil }
        return .object(["name": .string(name), "siret": .string(siret)])
    }

    /// Box 12 as `NextDestination`.
    static func nextDestination(_ next: NextDestination) -> JSON {
        var object = ViewObject()
        object.set("processingOperation", next.processingOperation)
        object.set("company", next.company.map(company))
        object.set("notificationNumber", next.notificationNumber)
        return object.json
    }
}
