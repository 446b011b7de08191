/// Turns a command, the BSD's state and the decision context into events, or refuses.
///
/// Pure: no clock, no I/O. Each decision checks, in order, that the BSD exists and is not
/// deleted, that the workflow allows the action from the current status, and then that the
/// data is valid, reporting all issues at once. A refused command produces no event.
public enum FormDecider {
    /// The events that carry out `command` on `state`.
    /// - Throws: ``DomainError``.
    public static func decide(
        _ command: FormCommand, state: FormState, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        switch command {
        case .create(let content):
            if state.exists { throw .formAlreadyExists(id: state.id) }
            return try create(content, duplicateOf: nil, context: context)
        case .importPaperForm(let input) where !state.exists:
            return try importNewPaperForm(input, context: context)
        default:
            break
        }
        guard state.exists else { throw .formNotFound(id: state.id) }
        guard !state.isDeleted else { throw .formDeleted(id: state.id) }
        return try decideExisting(command, state: state, context: context)
    }

    private static func decideExisting(
        _ command: FormCommand, state: FormState, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        switch command {
        case .create: preconditionFailure("handled before")
        case .update(let content): return try update(content, state: state, context: context)
        case .delete: return try delete(state: state, context: context)
        case .duplicate:
            var content = state.content
            content.grouping = []
            // The copy's transporters are new ones: the ids belong to the original BSD.
            for index in content.transporters.indices {
                content.transporters[index].id = nil
                content.transporters[index].readyToTakeOver = true
            }
            return try create(content, duplicateOf: state.readableId, context: context)
        case .seal: return try seal(state: state, context: context)
        case .signEmission(let input):
            return try signEmission(input, state: state, context: context)
        case .signTransport(let input):
            return try signTransport(input, state: state, context: context)
        case .markReceived(let reception):
            return try markReceived(reception, state: state, context: context)
        case .markAccepted(let reception):
            return try markAccepted(reception, state: state, context: context)
        case .markTempStored(let reception):
            return try markTempStored(reception, state: state, context: context)
        case .markTempStorerAccepted(let reception):
            return try markTempStorerAccepted(reception, state: state, context: context)
        default:
            return try decideLater(command, state: state, context: context)
        }
    }

    private static func decideLater(
        _ command: FormCommand, state: FormState, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        switch command {
        case .markProcessed(let processing):
            return try markProcessed(processing, state: state, context: context)
        case .markResealed(let input):
            return try markResealed(input, state: state, context: context)
        case .signTempStorerEmission(let input):
            return try signTempStorerEmission(input, state: state, context: context)
        case .markResent: return try markResent(state: state, context: context)
        case .resendWith(let input): return try resend(with: input, state: state, context: context)
        case .importPaperForm(let input):
            return try importPaperForm(input, state: state, context: context)
        case .cancel(let reason): return try cancel(reason: reason, state: state, context: context)
        default: preconditionFailure("handled before")
        }
    }

    /// The header of an event about `formId` in this decision.
    static func header(_ formId: String, _ context: DecisionContext) -> EventHeader {
        EventHeader(formId: formId, at: context.now, actor: context.actor)
    }

    /// Reserves the next readable id of the context's year.
    static func reserveReadableId(
        formId: String, context: DecisionContext
    ) throws(DomainError) -> ReadableIdReserved {
        let counter = context.readableIdCounter
        let year = context.now.year
        guard counter.year == year else {
            throw .counterYearMismatch(counterYear: counter.year, year: year)
        }
        let number = counter.lastNumber + 1
        guard number <= ReadableId.maximumNumber else { throw .readableIdExhausted(year: year) }
        return ReadableIdReserved(
            year: year, number: number, readableId: ReadableId.format(year: year, number: number),
            formId: formId)
    }

    /// The id a creating command gives its BSD.
    static func newFormId(_ context: DecisionContext) -> String {
        guard let id = context.newFormId, !id.isEmpty else {
            preconditionFailure("a creating command needs DecisionContext.newFormId")
        }
        // Stream ids are printable ASCII; the id is made by the caller, never by a user.
        precondition(
            id.utf8.allSatisfy { (0x21...0x7E).contains($0) }, "form id must be printable ASCII")
        return id
    }
}
