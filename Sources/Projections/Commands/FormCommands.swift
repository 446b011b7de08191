import Domain
import Ledger

/// Runs BSD commands: loads the states a decision needs from the forms projection, asks
/// ``FormDecider`` for the events, and appends them to every stream they touch in one
/// atomic multi-stream append, each stream with the version its state was read at. Two
/// commands racing on a stream therefore end in one success and one
/// ``FormCommandError/conflict(stream:expected:actual:)``, never a lost update.
public struct FormCommands: Sendable {
    let ledger: Ledger
    let queries: FormQueries

    /// Makes the service over a ledger opened with a ``FormsProjection``.
    public init(ledger: Ledger) {
        self.ledger = ledger
        queries = FormQueries(ledger: ledger)
    }

    /// Decides and appends `request`, waiting for the commit.
    public func execute(_ request: CommandRequest) async throws(FormCommandError) -> CommandOutcome
    {
        let prepared = try prepare(request)
        do {
            let positions = try await ledger.append(prepared.appends)
            return prepared.outcome(positions)
        } catch {
            throw Self.mapped(error)
        }
    }

    /// The blocking form of ``execute(_:)`` for threads outside Swift concurrency.
    public func executeWaiting(
        _ request: CommandRequest
    ) throws(FormCommandError) -> CommandOutcome {
        let prepared = try prepare(request)
        do {
            return prepared.outcome(try ledger.appendWaiting(prepared.appends))
        } catch {
            throw Self.mapped(error)
        }
    }

    static func mapped(_ error: LedgerError) -> FormCommandError {
        if case .wrongExpectedVersion(let stream, let expected, let actual) = error {
            return .conflict(stream: stream, expected: expected, actual: actual)
        }
        if case .projectionFailed(FormsProjection.projectionName, let reason) = error,
            reason.hasPrefix(ProjectionError.readableIdTakenPrefix)
        {
            let id = reason.dropFirst(ProjectionError.readableIdTakenPrefix.count).dropLast(2)
            return .readableIdTaken(String(id))
        }
        return .ledger(error)
    }

    /// The decision and its append, before anything is written.
    func prepare(_ request: CommandRequest) throws(FormCommandError) -> PreparedCommand {
        let loaded = try load(request)
        if let expected = request.expectedVersion, loaded.state.version != expected {
            throw .conflict(
                stream: FormState.streamId(formId: loaded.state.id),
                expected: .exact(UInt64(max(expected - 1, 0))),
                actual: loaded.state.version > 0 ? UInt64(loaded.state.version - 1) : nil)
        }
        var context = DecisionContext(
            now: request.now, actor: request.actor, newFormId: request.newFormId,
            readableIdCounter: loaded.counter, relatedForms: loaded.related,
            companies: request.companies)
        context.newReadableId = request.newReadableId
        context.authorOrgIds = request.authorOrgIds
        let events: [DomainEvent]
        do {
            events = try FormDecider.decide(request.command, state: loaded.state, context: context)
        } catch {
            throw .domain(error)
        }
        var known = loaded.related
        known[loaded.state.id] = loaded.state
        let appends = PreparedCommand.appends(
            events, known: known, counter: loaded.counter, request: request)
        let formId = events.first(where: \.isCreation)?.formId ?? loaded.state.id
        return PreparedCommand(formId: formId, events: events, appends: appends)
    }

    /// The BSD's state, its linked BSDs (hop by hop, as the decider asks) and the counter.
    private func load(
        _ request: CommandRequest
    ) throws(FormCommandError) -> (
        state: FormState, related: [String: FormState],
        counter: ReadableIdCounter
    ) {
        do {
            let blank = FormState(id: request.formId ?? "")
            let standalone =
                request.formId == nil
                && FormDecider.relatedFormIds(request.command, state: blank, loaded: [:]).isEmpty
            // A creation that links nothing reads no state, so it goes through even while
            // the projection is being rebuilt.
            let (state, related) =
                try standalone ? (blank, [:]) : queries.read { try Self.states(request, $0) }
            let year = request.now.year
            let counter =
                Self.createsForm(request.command, state) && request.newReadableId == nil
                ? try readableIdCounter(year: year) : ReadableIdCounter(year: year)
            return (state, related, counter)
        } catch let error as ProjectionError {
            throw .projection(error)
        } catch let error as LedgerError {
            throw .ledger(error)
        } catch {
            throw .projection(.unreadableEvent(reason: "\(error)"))
        }
    }

    /// The BSD acted on and the linked BSDs the decision reads, loaded hop by hop until the
    /// decider asks for nothing new.
    static func states(
        _ request: CommandRequest, _ reader: FormReader
    ) throws -> (FormState, [String: FormState]) {
        let state = try request.formId.flatMap(reader.state) ?? FormState(id: request.formId ?? "")
        var related: [String: FormState] = [:]
        while true {
            let wanted = FormDecider.relatedFormIds(request.command, state: state, loaded: related)
            let found = try wanted.filter { related[$0] == nil }.compactMap(reader.state)
            if found.isEmpty { break }
            for form in found { related[form.id] = form }
        }
        return (state, related)
    }

    /// Whether the command creates a BSD, and so needs the readable-id counter.
    public static func createsForm(_ command: FormCommand, _ state: FormState) -> Bool {
        switch command {
        case .create, .duplicate: true
        case .importPaperForm: !state.exists
        default: false
        }
    }

    /// The readable-id counter of `year`, folded from the last event of its stream.
    func readableIdCounter(year: Int) throws -> ReadableIdCounter {
        let stream = ReadableIdCounter.streamId(year: year)
        var counter = ReadableIdCounter(year: year)
        guard
            let last = try ledger.readStream(stream, from: .max, direction: .backwards, limit: 1)
                .first
        else { return counter }
        let event = try DomainEvent.decode(
            type: last.type, schemaVersion: last.schemaVersion, payload: last.payload)
        if case .readableIdReserved(let reserved) = event { counter.lastNumber = reserved.number }
        counter.version = Int(last.streamVersion) + 1
        return counter
    }
}
