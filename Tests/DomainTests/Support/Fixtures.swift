import Domain

/// Valid identifiers and complete BSD contents for the tests.
enum Fixtures {
    static let emitterSiret = "12345678000014"
    static let recipientSiret = "98765432100015"
    static let transporterSiret = "55555555000014"
    static let secondTransporterSiret = "44444444000010"
    static let storerSiret = "33333333000012"
    static let finalSiret = "22222222000014"
    static let ecoOrganismeSiret = "77777777000010"
    static let traderSiret = "88888888000018"

    static let createdAt = Timestamp(year: 2026, month: 3, day: 1)
    static let emitterActor = Actor(userId: "user-emitter", companyOrgId: emitterSiret)
    static let transporterActor = Actor(userId: "user-transporter", companyOrgId: transporterSiret)
    static let recipientActor = Actor(userId: "user-recipient", companyOrgId: recipientSiret)

    static func company(_ siret: String, _ name: String) -> FormCompany {
        FormCompany(
            siret: siret, name: name, address: "1 rue de la Paix, Paris", contact: "Jo",
            phone: "0102030405", mail: "contact@example.fr")
    }

    static func transporter(_ siret: String, mode: TransportMode = .road) -> Transporter {
        var transporter = Transporter()
        transporter.company = company(siret, "Transports \(siret.prefix(4))")
        transporter.receipt = "R-123"
        transporter.department = "75"
        transporter.validityLimit = Timestamp(year: 2030, month: 1, day: 1)
        transporter.mode = mode
        if mode == .road { transporter.numberPlates = ["AB-123-CD"] }
        return transporter
    }

    /// A dangerous waste BSD that passes the sealed validation.
    static func content() -> FormContent {
        var content = FormContent()
        content.emitter.type = .producer
        content.emitter.company = company(emitterSiret, "Producteur")
        content.recipient.company = company(recipientSiret, "Centre de traitement")
        content.recipient.processingOperation = "R 1"
        content.recipient.cap = "CAP-1"
        content.transporters = [transporter(transporterSiret)]
        content.wasteDetails.code = "16 01 07*"
        content.wasteDetails.name = "Filtres à huile"
        content.wasteDetails.pop = false
        content.wasteDetails.isSubjectToADR = true
        content.wasteDetails.onuCode = "UN 3175, 4.1, II"
        content.wasteDetails.quantity = Weight(grams: 1_500_000)
        content.wasteDetails.quantityType = .real
        content.wasteDetails.consistences = [.solid]
        content.wasteDetails.packagings = [Packaging(type: .fut, quantity: 2)]
        return content
    }

    static func acceptance(
        _ status: AcceptationStatus = .accepted, received: Int64 = 1_500_000, refused: Int64 = 0
    ) -> Reception {
        var reception = Reception()
        reception.receivedAt = createdAt
        reception.receivedBy = "Réceptionnaire"
        reception.signedAt = createdAt
        reception.signedBy = "Réceptionnaire"
        reception.acceptationStatus = status
        reception.quantityReceived = Weight(grams: received)
        reception.quantityRefused = Weight(grams: refused)
        if status != .accepted { reception.refusalReason = "Non conforme" }
        return reception
    }

    static func arrival() -> Reception {
        var reception = Reception()
        reception.receivedAt = createdAt
        reception.receivedBy = "Réceptionnaire"
        return reception
    }

    static func processing(
        _ code: String = "R 1", mode: OperationMode? = .valorisationEnergetique
    )
        -> Processing
    {
        var processing = Processing(
            operationDone: code, processedBy: "Opérateur",
            processedAt: createdAt)
        processing.operationMode = mode
        return processing
    }

    static func grouping(next siret: String = finalSiret) -> Processing {
        var processing = Processing(
            operationDone: "R 13", processedBy: "Opérateur",
            processedAt: createdAt)
        var next = NextDestination()
        next.processingOperation = "R 1"
        next.company = company(siret, "Exutoire")
        processing.nextDestination = next
        return processing
    }

    static func emission() -> SignEmissionInput {
        SignEmissionInput(emittedAt: createdAt, emittedBy: "Emetteur")
    }

    static func transport() -> SignTransportInput {
        SignTransportInput(takenOverAt: createdAt, takenOverBy: "Chauffeur")
    }
}
