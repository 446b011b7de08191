import Domain
import GraphQL

/// The blocks of a BSD's content, each merged field by field from its input type.
extension FormInputs {
    /// `CompanyInput` → ``FormCompany``. An `orgId` given without `siret` nor `vatNumber`
    /// names the company: a SIRET when it is 14 digits, a VAT number otherwise.
    static func mergeCompany(_ reader: inout InputReader, into company: inout FormCompany) {
        reader.merge("name", into: &company.name)
        reader.merge("siret", into: &company.siret)
        reader.merge("vatNumber", into: &company.vatNumber)
        reader.merge("address", into: &company.address)
        reader.merge("contact", into: &company.contact)
        reader.merge("mail", into: &company.mail)
        reader.merge("phone", into: &company.phone)
        reader.merge("country", into: &company.country)
        reader.merge("omiNumber", into: &company.omiNumber)
        reader.merge("extraEuropeanId", into: &company.extraEuropeanId)
        guard reader.fields["siret"] == nil, reader.fields["vatNumber"] == nil,
            let orgId = reader.string("orgId")?.trimmingWhitespace, !orgId.isEmpty
        else { return }
        let isSIRET = orgId.utf8.count == 14 && orgId.utf8.allSatisfy { (0x30...0x39).contains($0) }
        company.siret = isSIRET ? orgId : nil
        company.vatNumber = isSIRET ? nil : orgId
    }

    /// A `CompanyInput` as a new company (an element of `intermediaries`).
    static func company(_ reader: inout InputReader) -> FormCompany? {
        var company = FormCompany()
        mergeCompany(&reader, into: &company)
        return company
    }

    /// `WorkSiteInput` → ``WorkSite``.
    static func mergeWorkSite(_ reader: inout InputReader, into site: inout WorkSite) {
        reader.merge("name", into: &site.name)
        reader.merge("address", into: &site.address)
        reader.merge("city", into: &site.city)
        reader.merge("postalCode", into: &site.postalCode)
        reader.merge("infos", into: &site.infos)
    }

    /// `EmitterInput` → ``Emitter``.
    static func mergeEmitter(_ reader: inout InputReader, into emitter: inout Emitter) {
        reader.mergeEnum("type", into: &emitter.type)
        reader.merge("workSite", into: &emitter.workSite, empty: WorkSite(), mergeWorkSite)
        reader.merge("pickupSite", into: &emitter.pickupSite)
        reader.merge("company", into: &emitter.company, empty: FormCompany(), mergeCompany)
        reader.merge("isPrivateIndividual", into: &emitter.isPrivateIndividual)
        reader.merge("isForeignShip", into: &emitter.isForeignShip)
    }

    /// `RecipientInput` → ``Recipient``.
    static func mergeRecipient(_ reader: inout InputReader, into recipient: inout Recipient) {
        mergeDestination(&reader, into: &recipient)
        reader.merge("isTempStorage", into: &recipient.isTempStorage)
    }

    /// `DestinationInput` → ``Recipient`` (the final destination after temporary storage).
    /// `isFilledByEmitter` has no domain counterpart and is not kept.
    static func mergeDestination(_ reader: inout InputReader, into recipient: inout Recipient) {
        reader.merge("cap", into: &recipient.cap)
        reader.merge("processingOperation", into: &recipient.processingOperation)
        reader.merge("company", into: &recipient.company, empty: FormCompany(), mergeCompany)
    }

    /// `temporaryStorageDetail { destination }` → the content's temporary storage
    /// destination; null for the detail or its destination clears it.
    static func mergeTemporaryStorage(
        _ reader: inout InputReader, into destination: inout Recipient?
    ) {
        if reader.fields["temporaryStorageDetail"]?.isNull == true {
            destination = nil
            return
        }
        _ = reader.nested("temporaryStorageDetail") {
            $0.merge("destination", into: &destination, empty: Recipient(), mergeDestination)
        }
    }

    /// `TransporterInput` → ``Transporter``; `numberPlate` is one plate, trimmed, or none
    /// when blank.
    static func mergeTransporter(_ reader: inout InputReader, into transporter: inout Transporter) {
        reader.merge("company", into: &transporter.company, empty: FormCompany(), mergeCompany)
        reader.merge("isExemptedOfReceipt", into: &transporter.isExemptedOfReceipt)
        reader.merge("receipt", into: &transporter.receipt)
        reader.merge("department", into: &transporter.department)
        reader.mergeDate("validityLimit", into: &transporter.validityLimit)
        reader.mergePlates("numberPlate", into: &transporter.numberPlates)
        reader.merge("customInfo", into: &transporter.customInfo)
        reader.mergeEnum("mode", into: &transporter.mode)
    }

    /// `WasteDetailsInput` → ``WasteDetails``.
    static func mergeWasteDetails(_ reader: inout InputReader, into waste: inout WasteDetails) {
        reader.merge("code", into: &waste.code)
        reader.merge("name", into: &waste.name)
        reader.merge("isDangerous", into: &waste.isDangerous)
        reader.merge("pop", into: &waste.pop)
        reader.merge("isSubjectToADR", into: &waste.isSubjectToADR)
        reader.merge("nonRoadRegulationMention", into: &waste.nonRoadRegulationMention)
        reader.mergeEnums("consistence", into: &waste.consistences)
        reader.merge("sampleNumber", into: &waste.sampleNumber)
        reader.mergeStrings("analysisReferences", into: &waste.analysisReferences)
        reader.mergeStrings("landIdentifiers", into: &waste.landIdentifiers)
        mergeRepackaging(&reader, into: &waste)
    }

    /// `WasteDetailsRepackagingInput` → ``WasteDetails`` (the fields a temporary storer may
    /// change).
    static func mergeRepackaging(_ reader: inout InputReader, into waste: inout WasteDetails) {
        reader.merge("onuCode", into: &waste.onuCode)
        reader.mergeObjects("packagingInfos", into: &waste.packagings, packaging)
        reader.mergeWeight("quantity", into: &waste.quantity)
        reader.mergeEnum("quantityType", into: &waste.quantityType)
    }

    /// `PackagingInfoInput` → ``Packaging``; the volume in litres is rounded to whole litres
    /// (see ``Tonnes/litres(_:)``). Nil, with issues, without a type or a count.
    static func packaging(_ reader: inout InputReader) -> Packaging? {
        let givenType: PackagingType? = reader.enumValue("type")
        let givenQuantity = reader.int("quantity")
        let type = reader.required(givenType, "type")
        let quantity = reader.required(givenQuantity, "quantity")
        var volume: Int?
        if let value = reader.fields["volume"], !value.isNull {
            volume = Tonnes.litres(value)
            if volume == nil { reader.add("volume", .invalidVolume) }
        }
        var identificationNumbers: [String] = []
        reader.mergeStrings("identificationNumbers", into: &identificationNumbers)
        let other = reader.string("other")
        guard let type, let quantity else { return nil }
        var packaging = Packaging(type: type, quantity: quantity, other: other)
        packaging.volume = volume
        packaging.identificationNumbers = identificationNumbers
        return packaging
    }

    /// `TraderInput` or `BrokerInput` → ``TradingParty``.
    static func mergeTrading(_ reader: inout InputReader, into party: inout TradingParty) {
        reader.merge("company", into: &party.company, empty: FormCompany(), mergeCompany)
        reader.merge("receipt", into: &party.receipt)
        reader.merge("department", into: &party.department)
        reader.mergeDate("validityLimit", into: &party.validityLimit)
    }

    /// `EcoOrganismeInput` → ``EcoOrganisme``.
    static func mergeEcoOrganisme(_ reader: inout InputReader, into organisme: inout EcoOrganisme) {
        reader.merge("name", into: &organisme.name)
        reader.merge("siret", into: &organisme.siret)
    }

    /// `NextDestinationInput` → ``NextDestination``.
    static func mergeNextDestination(
        _ reader: inout InputReader, into destination: inout NextDestination
    ) {
        reader.merge("processingOperation", into: &destination.processingOperation)
        reader.merge("company", into: &destination.company, empty: FormCompany(), mergeCompany)
        reader.merge("notificationNumber", into: &destination.notificationNumber)
    }
}
