import Domain

extension FormPdf {
    typealias Row = PdfBox.Row

    /// The rows naming a company: name, identifier, address and contact details.
    static func companyRows(_ company: FormCompany?) -> [Row] {
        guard let company else { return [Row("Établissement", FrenchText.none)] }
        var rows = [Row("Raison sociale", FrenchText.value(company.name))]
        if let siret = company.siret {
            rows.append(Row("SIRET", siret))
        } else if let vat = company.vatNumber {
            rows.append(Row("N° de TVA intracommunautaire", vat))
        } else if let omi = company.omiNumber {
            rows.append(Row("N° OMI", omi))
        } else if let foreign = company.extraEuropeanId {
            rows.append(Row("Identifiant hors UE", foreign))
        }
        rows.append(Row("Adresse", FrenchText.value(company.address)))
        rows.append(Row("Personne à contacter", FrenchText.value(company.contact)))
        let reach = [company.phone, company.mail].compactMap { $0 }.joined(separator: " — ")
        rows.append(Row("Téléphone, courriel", FrenchText.value(reach)))
        return rows
    }

    /// Box 1.1: the producer or holder, with the private-individual and foreign-ship
    /// mentions.
    static func emitterBox(_ state: FormState) -> PdfBox {
        let emitter = state.content.emitter
        var rows: [Row] = []
        if let type = emitter.type {
            rows.append(Row("Type d'émetteur", FrenchText.emitterType(type)))
        }
        if emitter.isPrivateIndividual {
            rows.append(Row("", "L'émetteur est un particulier."))
        }
        if emitter.isForeignShip {
            rows.append(Row("", "L'émetteur est un navire étranger."))
        }
        rows += companyRows(emitter.company)
        return PdfBox(number: "1.1", title: "Producteur ou détenteur du déchet", rows: rows)
    }

    /// Box 1.2: where the waste is collected, when it is not the emitter's address.
    static func collectionSiteBox(_ state: FormState) -> PdfBox? {
        let emitter = state.content.emitter
        guard emitter.workSite != nil || emitter.pickupSite != nil else { return nil }
        var rows: [Row] = []
        if let site = emitter.workSite {
            rows.append(Row("Nom du chantier", FrenchText.value(site.name)))
            let place = [
                site.address,
                [site.postalCode, site.city].compactMap { $0 }
                    .joined(separator: " "),
            ]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            rows.append(Row("Adresse", FrenchText.value(place)))
            if let infos = site.infos { rows.append(Row("Informations", infos)) }
        }
        if let pickup = emitter.pickupSite { rows.append(Row("Point de collecte", pickup)) }
        return PdfBox(number: "1.2", title: "Point de collecte ou chantier", rows: rows)
    }

    /// The eco-organisme responsible for the waste, when there is one.
    static func ecoOrganismeBox(_ state: FormState) -> PdfBox? {
        guard let eco = state.content.ecoOrganisme else { return nil }
        return PdfBox(
            number: "", title: "Un éco-organisme est responsable du déchet",
            rows: [
                Row("Nom", FrenchText.value(eco.name)), Row("SIRET", FrenchText.value(eco.siret)),
            ])
    }

    /// Box 2: the planned destination, or the temporary storage site.
    static func destinationBox(_ state: FormState) -> PdfBox {
        let recipient = state.content.recipient
        var rows = companyRows(recipient.company)
        rows.append(Row("N° de CAP", FrenchText.value(recipient.cap)))
        rows.append(Row("Opération prévue", FrenchText.operation(recipient.processingOperation)))
        rows.append(
            Row(
                "Entreposage provisoire ou reconditionnement",
                recipient.isTempStorage ? "Oui (voir cadres 13 à 19)" : "Non"))
        return PdfBox(
            number: "2", title: "Installation de destination ou d'entreposage provisoire",
            rows: rows)
    }

    /// Boxes 7.1 and 7.2 with the other intermediaries, when any is named.
    static func intermediariesBox(_ state: FormState) -> PdfBox? {
        let content = state.content
        guard content.trader != nil || content.broker != nil || !content.intermediaries.isEmpty
        else { return nil }
        var rows: [Row] = []
        for (label, party) in [("Négociant", content.trader), ("Courtier", content.broker)] {
            guard let party else { continue }
            rows.append(Row(label, FrenchText.value(party.company?.name)))
            rows.append(Row("SIRET", FrenchText.value(party.company?.siret)))
            rows.append(
                Row("Récépissé", receipt(party.receipt, party.department, party.validityLimit)))
        }
        for company in content.intermediaries {
            let identifier = company.siret ?? company.vatNumber ?? FrenchText.none
            rows.append(Row("Intermédiaire", "\(FrenchText.value(company.name)) (\(identifier))"))
        }
        return PdfBox(number: "7", title: "Négociant, courtier et intermédiaires", rows: rows)
    }

    /// A receipt number with its department and validity limit.
    static func receipt(_ number: String?, _ department: String?, _ limit: Timestamp?) -> String {
        guard let number else { return FrenchText.none }
        var text = "n° \(number)"
        if let department { text += ", département \(department)" }
        if let limit { text += ", valable jusqu'au \(FrenchText.day(limit))" }
        return text
    }
}
