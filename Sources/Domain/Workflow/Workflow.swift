/// The BSD state machine: a pure function from a status, an action and the guards' facts to
/// the next status. Guards are tried in the reference's order; the first that holds wins.
public enum Workflow {
    /// The status reached from `status` by `action`.
    /// - Throws: ``DomainError/invalidTransition(status:action:)`` when no transition leaves
    ///   `status` on `action`.
    public static func next(
        from status: FormStatus, on action: WorkflowAction, facts: TransitionFacts
    ) throws(DomainError) -> FormStatus {
        guard let target = target(from: status, on: action, facts: facts) else {
            throw .invalidTransition(status: status, action: action)
        }
        return target
    }

    /// Whether `action` is possible from `status` for some facts.
    public static func allows(_ action: WorkflowAction, from status: FormStatus) -> Bool {
        target(from: status, on: action, facts: TransitionFacts()) != nil
    }

    static func target(
        from status: FormStatus, on action: WorkflowAction, facts: TransitionFacts
    ) -> FormStatus? {
        if action == .cancel {
            return FormStatus.cancellable.contains(status) ? .canceled : nil
        }
        switch status {
        case .draft: return action == .seal ? .sealed : nil
        case .sealed: return fromSealed(action, facts)
        case .signedByProducer: return action == .signTransport ? .sent : nil
        case .sent: return fromSent(action, facts)
        case .received:
            return action == .markAccepted ? (facts.isRefused ? .refused : .accepted) : nil
        case .accepted: return fromAccepted(action, facts)
        case .awaitingGroup: return action == .markGrouped ? .grouped : nil
        case .grouped: return action == .markProcessed ? .processed : nil
        case .tempStored:
            guard action == .markTempStorerAccepted else { return nil }
            return facts.isRefused ? .refused : .tempStorerAccepted
        case .tempStorerAccepted: return fromTempStorerAccepted(action, facts)
        case .resealed: return fromResealed(action)
        case .signedByTempStorer:
            // The onward transporter's signature records MARK_AS_RESENT in the reference.
            return action == .markResent || action == .signTransport ? .resent : nil
        case .resent: return action == .markReceived ? reception(facts, else: .received) : nil
        case .processed, .followedWithPnttd, .noTraceability, .refused, .canceled: return nil
        }
    }

    private static func fromSealed(
        _ action: WorkflowAction, _ facts: TransitionFacts
    ) -> FormStatus? {
        switch action {
        case .signEmission: facts.isDirectSupply ? .sent : .signedByProducer
        case .signTransport: .sent
        case .importPaperForm:
            facts.noTraceability ? .noTraceability : facts.awaitsGroup ? .awaitingGroup : .processed
        default: nil
        }
    }

    private static func fromSent(_ action: WorkflowAction, _ facts: TransitionFacts) -> FormStatus?
    {
        switch action {
        case .signTransport: .sent
        case .markReceived: reception(facts, else: .received)
        case .markTempStored:
            facts.isRefused ? .refused : facts.isAccepted ? .tempStorerAccepted : .tempStored
        default: nil
        }
    }

    private static func fromAccepted(
        _ action: WorkflowAction, _ facts: TransitionFacts
    )
        -> FormStatus?
    {
        switch action {
        case .markProcessed: processing(facts)
        case .markResealed: .resealed
        default: nil
        }
    }

    private static func fromTempStorerAccepted(
        _ action: WorkflowAction, _ facts: TransitionFacts
    ) -> FormStatus? {
        switch action {
        case .markResealed: .resealed
        case .markResent: .resent
        case .markProcessed: processing(facts)
        default: nil
        }
    }

    private static func fromResealed(_ action: WorkflowAction) -> FormStatus? {
        switch action {
        case .markResent, .signTransport: .resent
        case .signTempStorerEmission: .signedByTempStorer
        // Resealing again only updates the onward part; the reference bypasses its machine.
        case .markResealed: .resealed
        default: nil
        }
    }

    /// Refused, accepted, or the given status when no decision is recorded yet.
    private static func reception(_ facts: TransitionFacts, else pending: FormStatus) -> FormStatus
    {
        facts.isRefused ? .refused : facts.isAccepted ? .accepted : pending
    }

    /// The four-way split after a treatment.
    private static func processing(_ facts: TransitionFacts) -> FormStatus {
        if facts.noTraceability { return .noTraceability }
        if facts.isFollowedWithPnttd { return .followedWithPnttd }
        if facts.awaitsGroup { return .awaitingGroup }
        return .processed
    }
}
