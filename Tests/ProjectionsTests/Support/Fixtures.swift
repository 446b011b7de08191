import Domain
import Projections

/// Companies and complete BSDs for the projection tests (SIRETs pass the Luhn check).
enum Fixtures {
    static let emitter = "12345678000014"
    static let recipient = "98765432100015"
    static let transporter = "55555555000014"
    static let stranger = "44444444000010"
    static let trader = "88888888000018"

    static let day = Timestamp(year: 2026, month: 3, day: 1)

    static func actor(_ siret: String) -> Actor {
        Actor(userId: "user-\(siret)", companyOrgId: siret)
    }

    static func company(_ siret: String) -> FormCompany {
        FormCompany(
            siret: siret, name: "Company \(siret.prefix(4))", address: "1 rue de la Paix, Paris",
            contact: "Jo", phone: "0102030405", mail: "contact@example.fr")
    }

    /// A dangerous-waste BSD from ``emitter`` to ``recipient`` by ``transporter``.
    static func content(customId: String? = nil, code: String = "16 01 07*") -> FormContent {
        var content = FormContent()
        content.customId = customId
        content.emitter.type = .producer
        content.emitter.company = company(emitter)
        content.recipient.company = company(recipient)
        content.recipient.processingOperation = "R 1"
        content.recipient.cap = "CAP-1"
        var transporter = Transporter()
        transporter.company = company(Self.transporter)
        transporter.receipt = "R-123"
        transporter.department = "75"
        transporter.validityLimit = Timestamp(year: 2030, month: 1, day: 1)
        transporter.mode = .road
        transporter.numberPlates = ["AB-123-CD"]
        content.transporters = [transporter]
        content.wasteDetails.code = code
        content.wasteDetails.name = "Filtres à huile"
        content.wasteDetails.pop = false
        content.wasteDetails.isSubjectToADR = code.hasSuffix("*")
        content.wasteDetails.onuCode = code.hasSuffix("*") ? "UN 3175, 4.1, II" : nil
        content.wasteDetails.quantity = Weight(grams: 1_500_000)
        content.wasteDetails.quantityType = .real
        content.wasteDetails.consistences = [.solid]
        content.wasteDetails.packagings = [Packaging(type: .fut, quantity: 2)]
        return content
    }

    static func acceptance(_ at: Timestamp) -> Reception {
        var reception = Reception()
        reception.receivedAt = at
        reception.receivedBy = "Lou"
        reception.signedAt = at
        reception.signedBy = "Lou"
        reception.acceptationStatus = .accepted
        reception.quantityReceived = Weight(grams: 1_500_000)
        reception.quantityRefused = Weight(grams: 0)
        return reception
    }
}

extension ProjectionWorld {
    /// Runs one command at `at` (minutes after ``Fixtures/day``) and returns the BSD's id.
    @discardableResult
    func run(
        _ command: FormCommand, on formId: String? = nil, as siret: String = Fixtures.emitter,
        minute: Int64 = 0, newId: String? = nil, authorOrgIds: Set<String>? = nil
    ) throws -> String {
        let now = Timestamp(microseconds: Fixtures.day.microseconds + minute * 60_000_000)
        var request = CommandRequest(
            command, formId: formId, actor: Fixtures.actor(siret), now: now, newFormId: newId,
            correlationId: "test")
        request.authorOrgIds = authorOrgIds
        return try commands.executeWaiting(request).formId
    }

    /// Creates, seals, signs and sends a BSD; returns its id.
    func sent(
        _ id: String, content: FormContent = Fixtures.content(), minute: Int64 = 0
    )
        throws -> String
    {
        let at = Timestamp(microseconds: Fixtures.day.microseconds + minute * 60_000_000)
        try run(.create(content), minute: minute, newId: id)
        try run(.seal, on: id, minute: minute + 1)
        try run(
            .signEmission(SignEmissionInput(emittedAt: at, emittedBy: "Dom")), on: id,
            minute: minute + 2)
        try run(
            .signTransport(SignTransportInput(takenOverAt: at, takenOverBy: "Sam")),
            on: id, as: Fixtures.transporter, minute: minute + 3)
        return id
    }
}
