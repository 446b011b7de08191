extension FormDecider {
    /// The next transporter takes the waste over: transporter N of the initial chain, or the
    /// onward transporter after temporary storage.
    static func signTransport(
        _ input: SignTransportInput, state: FormState, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        if [.resealed, .signedByTempStorer].contains(state.status) {
            return try signOnwardTransport(input, state: state, context: context)
        }
        let next = try Workflow.next(
            from: state.status, on: .signTransport,
            facts: facts(state.content))
        if state.status == .sealed && !mayBeTakenOverUnsigned(state.content) {
            throw .invalidTransition(status: .sealed, action: .signTransport)
        }
        let index = try signingTransporter(state.content.transporters, state, input)
        let content = try completed(state.content, transporter: index, with: input)
        var events: [DomainEvent] = []
        if state.status == .sealed {
            events.append(automaticItemEmission(state, context: context))
        }
        let signature = TransportSignature(
            number: index + 1, takenOverAt: input.takenOverAt, takenOverBy: input.takenOverBy)
        events.append(
            .transportSigned(
                TransportSigned(
                    header: header(state.id, context),
                    signature: signature, leg: .initial,
                    changes: state.content.changes(to: content),
                    status: next)))
        events += try containerPickup(
            state, content: content, signature: signature, context: context)
        return events
    }

    /// The chain index of the transporter that signs: the first one not signed yet, which
    /// must be ready and, when the input names one, be that one. Transporters sign in chain
    /// order, so one not ready holds back those after it.
    private static func signingTransporter(
        _ transporters: [Transporter], _ state: FormState, _ input: SignTransportInput
    ) throws(DomainError) -> Int {
        let index = state.transportSignatures.count
        guard index < transporters.count else {
            throw .validationFailed([ValidationIssue("transporters", .noTransporterToSign)])
        }
        try checkTurn(transporters[index], path: "transporters.\(index)", input)
        return index
    }

    /// Refuses a take-over by a transporter that is not ready, or that is not the one the
    /// input names.
    private static func checkTurn(
        _ transporter: Transporter, path: String, _ input: SignTransportInput
    ) throws(DomainError) {
        if let named = input.transporterId, named != transporter.id {
            throw .validationFailed([ValidationIssue("transporterId", .notNextTransporter)])
        }
        guard transporter.readyToTakeOver else {
            throw .validationFailed([
                ValidationIssue(path + ".readyToTakeOver", .transporterNotReady)
            ])
        }
    }

    /// The content with the signing transporter's plates and mode from the input, once the
    /// transporter and the waste pass the take-over rules.
    private static func completed(
        _ original: FormContent, transporter index: Int, with input: SignTransportInput
    ) throws(DomainError) -> FormContent {
        var content = original
        if let plates = input.numberPlates { content.transporters[index].numberPlates = plates }
        if let mode = input.mode { content.transporters[index].mode = mode }
        if let contact = input.companyContact {
            content.transporters[index].company?.contact = contact
        }
        if let phone = input.companyPhone { content.transporters[index].company?.phone = phone }
        if let mail = input.companyMail { content.transporters[index].company?.mail = mail }
        content = content.normalized()
        var collector = IssueCollector(
            FormValidator.transportIssues(
                content.transporters[index], prefix: "transporters.\(index)",
                waste: content.wasteDetails, emitterType: content.emitter.type))
        collector.require(input.takenOverBy, "takenOverBy")
        try collector.check()
        return content
    }

    /// SEALED → SENT is only for an emitter that cannot sign: an individual, a foreign ship
    /// with its OMI number, or an annexe-1 item.
    private static func mayBeTakenOverUnsigned(_ content: FormContent) -> Bool {
        let emitter = content.emitter
        return emitter.isPrivateIndividual
            || (emitter.isForeignShip && emitter.company?.omiNumber != nil)
            || emitter.type == .appendix1Producer
    }

    /// An annexe-1 item picked up unsigned gets the platform's automatic emission.
    private static func automaticItemEmission(
        _ state: FormState, context: DecisionContext
    )
        -> DomainEvent
    {
        var signature = EmissionSignature(emittedAt: context.now, emittedBy: "automatic signature")
        signature.isAutomatic = true
        return .emissionSigned(
            EmissionSigned(
                header: header(state.id, context),
                signature: signature, changes: [], status: .signedByProducer))
    }

    /// An annexe-1 item's pickup: the container's quantity and packagings become the sums of
    /// its items picked up so far (reference §1.3), and the first pickup sends the sealed
    /// container.
    private static func containerPickup(
        _ state: FormState, content: FormContent, signature: TransportSignature,
        context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        guard let containerId = state.appendix1ContainerId,
            let container = context.relatedForms[containerId]
        else { return [] }
        var summed = container.content
        let others = container.content.grouping.map(\.formId).filter { $0 != state.id }
            .compactMap { context.relatedForms[$0] }.filter { !$0.transportSignatures.isEmpty }
        let picked = others.map(\.content.wasteDetails) + [content.wasteDetails]
        summed.wasteDetails.quantity = picked.reduce(Weight.zero) { $0 + ($1.quantity ?? .zero) }
        summed.wasteDetails.packagings = summedPackagings(picked.flatMap(\.packagings))
        let changes = container.content.changes(to: summed)
        if container.status == .sealed {
            let next = try Workflow.next(
                from: .sealed, on: .signTransport, facts: TransitionFacts())
            return [
                .transportSigned(
                    TransportSigned(
                        header: header(containerId, context),
                        signature: signature, leg: .initial, changes: changes, status: next,
                        cascadedFrom: state.id))
            ]
        }
        guard !changes.isEmpty else { return [] }
        return [.formUpdated(FormUpdated(header: header(containerId, context), changes: changes))]
    }

    /// Packagings added up by type (and description for AUTRE), in order of first appearance.
    static func summedPackagings(_ packagings: [Packaging]) -> [Packaging] {
        var result: [Packaging] = []
        for packaging in packagings {
            if let index = result.firstIndex(where: {
                $0.type == packaging.type && $0.other == packaging.other
            }) {
                result[index].quantity += packaging.quantity
                result[index].identificationNumbers += packaging.identificationNumbers
            } else {
                result.append(packaging)
            }
        }
        return result
    }

    private static func signOnwardTransport(
        _ input: SignTransportInput, state: FormState, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        let next = try Workflow.next(
            from: state.status, on: .signTransport,
            facts: TransitionFacts())
        // The onward transporter's plates and mode are given when resealing.
        guard let transporter = state.temporaryStorage?.transporter else {
            throw .validationFailed([
                ValidationIssue("temporaryStorage.transporter", .noTransporterToSign)
            ])
        }
        try checkTurn(transporter, path: "temporaryStorage.transporter", input)
        let waste = state.temporaryStorage?.wasteDetails ?? state.content.wasteDetails
        var collector = IssueCollector()
        collector.merge(
            FormValidator.transportIssues(
                transporter,
                prefix: "temporaryStorage.transporter", waste: waste, emitterType: nil))
        collector.require(input.takenOverBy, "takenOverBy")
        try collector.check()
        let signature = TransportSignature(
            number: 1, takenOverAt: input.takenOverAt, takenOverBy: input.takenOverBy)
        return [
            .transportSigned(
                TransportSigned(
                    header: header(state.id, context),
                    signature: signature, leg: .onward, changes: [], status: next))
        ]
    }
}
