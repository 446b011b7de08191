import Domain

/// BSDs built through the real domain for the view tests: every command is decided by
/// `FormDecider` on the folded states, and its events are folded back with `FormEvolver`,
/// the way the ledger and the projections do it.
struct FormViewWorld {
    static let emitter = "12345678000014"
    static let recipient = "98765432100015"
    static let transporter = "55555555000014"
    static let secondTransporter = "44444444000010"
    static let thirdTransporter = "66666666000004"
    static let storer = "33333333000012"
    static let final = "22222222000014"

    /// 2026-03-01T00:00:00Z, the day every scenario runs.
    static let day = Timestamp(year: 2026, month: 3, day: 1)

    var forms: [String: FormState] = [:]
    private var counters: [Int: ReadableIdCounter] = [:]
    private var commandCount = 0

    /// The instant `hour`:`minute` of ``day``.
    static func at(_ hour: Int64, _ minute: Int64 = 0) -> Timestamp {
        Timestamp(microseconds: day.microseconds + (hour * 60 + minute) * 60_000_000)
    }

    /// Runs `command` on `formId` (nil to create) one minute after the previous command,
    /// applies its events and returns the BSD's id.
    @discardableResult
    mutating func run(
        _ command: FormCommand, on formId: String? = nil, as orgId: String = emitter
    ) throws -> String {
        commandCount += 1
        let now = Self.at(0, Int64(commandCount))
        let state = formId.flatMap { forms[$0] } ?? FormState(id: formId ?? "")
        let context = DecisionContext(
            now: now, actor: Actor(userId: "user-\(orgId)", companyOrgId: orgId),
            newFormId: "form\(commandCount)",
            readableIdCounter: counters[now.year] ?? ReadableIdCounter(year: now.year),
            relatedForms: related(command, state))
        let events = try FormDecider.decide(command, state: state, context: context)
        for event in events {
            if case .readableIdReserved(let reserved) = event {
                let counter = counters[reserved.year] ?? ReadableIdCounter(year: reserved.year)
                counters[reserved.year] = counter.evolve(reserved)
            } else {
                forms[event.formId] = FormEvolver.evolve(
                    forms[event.formId] ?? FormState(), event)
            }
        }
        return formId ?? "form\(commandCount)"
    }

    /// The linked BSDs the decider asks for, loaded hop by hop as the API layer does.
    private func related(_ command: FormCommand, _ state: FormState) -> [String: FormState] {
        var loaded: [String: FormState] = [:]
        while true {
            let wanted = FormDecider.relatedFormIds(command, state: state, loaded: loaded)
            let missing = wanted.filter { loaded[$0] == nil && forms[$0] != nil }
            if missing.isEmpty { return loaded }
            for id in missing { loaded[id] = forms[id] }
        }
    }

    /// A company with every contact field.
    static func company(_ siret: String, _ name: String) -> FormCompany {
        FormCompany(
            siret: siret, name: name, address: "1 rue de la Paix, Paris", contact: "Jo",
            phone: "0102030405", mail: "contact@example.fr")
    }

    /// A transporter with its receipt; by road it has `plates`.
    static func carrier(
        _ siret: String, mode: TransportMode = .road, plates: [String] = ["AB-123-CD"]
    ) -> Transporter {
        var transporter = Transporter()
        transporter.company = company(siret, "Transports \(siret.prefix(4))")
        transporter.receipt = "R-123"
        transporter.department = "75"
        transporter.validityLimit = Timestamp(year: 2030, month: 1, day: 1)
        transporter.mode = mode
        transporter.numberPlates = mode == .road ? plates : []
        return transporter
    }

    /// A dangerous waste of 1.5 t in two drums, from the emitter to the recipient.
    static func content() -> FormContent {
        var content = FormContent()
        content.customId = "INT-7"
        content.emitter.type = .producer
        content.emitter.company = company(emitter, "Producteur")
        content.recipient.company = company(recipient, "Centre de traitement")
        content.recipient.processingOperation = "R 1"
        content.recipient.cap = "CAP-1"
        content.transporters = [carrier(transporter)]
        content.wasteDetails.code = "16 01 07*"
        content.wasteDetails.name = "Filtres à huile"
        content.wasteDetails.pop = false
        content.wasteDetails.isSubjectToADR = true
        content.wasteDetails.onuCode = "UN 3175, 4.1, II"
        content.wasteDetails.quantity = Weight(grams: 1_500_000)
        content.wasteDetails.quantityType = .estimated
        content.wasteDetails.consistences = [.solid, .doughy]
        var drums = Packaging(type: .fut, quantity: 2)
        drums.volume = 200
        drums.identificationNumbers = ["F-1", "F-2"]
        content.wasteDetails.packagings = [drums, Packaging(type: .grv, quantity: 1)]
        return content
    }

    /// Reception and acceptance at `hour`, with the quantities in grams.
    static func acceptance(
        _ status: AcceptationStatus = .accepted, received: Int64 = 1_500_000,
        refused: Int64 = 0, hour: Int64 = 12
    ) -> Reception {
        var reception = Reception()
        reception.receivedAt = at(hour)
        reception.receivedBy = "Réceptionnaire"
        reception.signedAt = at(hour, 30)
        reception.signedBy = "Signataire"
        reception.acceptationStatus = status
        reception.quantityReceived = Weight(grams: received)
        reception.quantityRefused = Weight(grams: refused)
        reception.quantityType = .real
        if status != .accepted { reception.refusalReason = "Non conforme" }
        return reception
    }

    /// Treatment at 15:00, with a next destination when the code is a grouping one.
    static func processing(_ code: String = "R 1") -> Processing {
        var processing = Processing(
            operationDone: code, processedBy: "Opérateur", processedAt: at(15))
        if code == "R 13" {
            var next = NextDestination()
            next.processingOperation = "R 1"
            next.company = company(final, "Exutoire")
            processing.nextDestination = next
        } else {
            processing.operationMode = .valorisationEnergetique
            processing.description = "Incinération avec récupération d'énergie"
        }
        return processing
    }

    /// Creates, seals and signs a BSD, then has its first transporter take it over.
    mutating func sent(_ content: FormContent = content()) throws -> String {
        let id = try run(.create(content))
        try run(.seal, on: id)
        try run(.signEmission(SignEmissionInput(emittedAt: Self.at(8), emittedBy: "Emma")), on: id)
        try run(
            .signTransport(SignTransportInput(takenOverAt: Self.at(9), takenOverBy: "Tom")),
            on: id, as: Self.transporter)
        return id
    }
}
