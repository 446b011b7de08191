import Domain
import Ledger
import Projections

/// Turns committed events into ``FormChange``s by folding each BSD's stream, keeping the last
/// state of the BSDs seen recently so that an event usually costs one decode and one fold.
/// Both the dispatcher (live) and catch-up (replay) use it, so both apply one rule.
struct FormChangeBuilder {
    /// The stream prefix of BSDs.
    static let streamPrefix = "form-"
    /// Cached states beyond this count are dropped all at once (they are only a shortcut).
    static let cacheLimit = 4_096

    let ledger: Ledger
    private var states: [String: FormState] = [:]

    /// Makes a builder over a ledger opened with the forms projection.
    init(ledger: Ledger) {
        self.ledger = ledger
    }

    /// The change `event` makes, or nil when it is not an event of a BSD's stream.
    /// - Throws: ledger, projection or decoding errors.
    mutating func change(for event: RecordedEvent) throws -> FormChange? {
        guard event.streamID.hasPrefix(Self.streamPrefix) else { return nil }
        let formId = String(event.streamID.dropFirst(Self.streamPrefix.count))
        let before = try state(of: formId, before: event)
        let domainEvent = try DomainEvent.decode(
            type: event.type, schemaVersion: event.schemaVersion, payload: event.payload)
        let after = FormEvolver.evolve(before, domainEvent)
        remember(after)
        let action = FormChangeAction.of(type: event.type, streamVersion: event.streamVersion)
        let entry = HistoryEntry(
            formId: formId, position: event.position, streamVersion: event.streamVersion,
            type: event.type, recordedAt: event.recordedAt, actor: domainEvent.actor,
            status: after.status,
            changes: before.exists ? before.content.changes(to: after.content) : [])
        let readers = try readers(of: action == .deleted ? before : after)
        return FormChange(action: action, entry: entry, readerOrgIds: readers)
    }

    /// The BSD just before `event`: from the cache when it holds the previous version, else
    /// folded from the stream up to the event.
    private func state(of formId: String, before event: RecordedEvent) throws -> FormState {
        if let cached = states[formId], cached.version == Int(event.streamVersion) {
            return cached
        }
        return try FormHistory(ledger: ledger).auditState(
            formId: formId, asOf: .position(event.position - 1))
    }

    private mutating func remember(_ state: FormState) {
        if states.count >= Self.cacheLimit { states.removeAll(keepingCapacity: true) }
        states[state.id] = state
    }

    /// The companies that may read `state` (reference §5): ``FormState/readerOrgIds`` and,
    /// for a sealed annexe-2 regroupement, the emitters of the BSDs it groups, read from the
    /// projection as the queries do.
    private func readers(of state: FormState) throws -> Set<String> {
        var readers = state.readerOrgIds
        guard !readers.isEmpty, state.status != .draft, state.content.emitter.type == .appendix2
        else { return readers }
        let grouped = state.content.grouping.map(\.formId)
        try FormQueries(ledger: ledger).read { reader in
            for id in grouped {
                if let emitter = try reader.state(id)?.content.emitter.company?.orgId {
                    readers.insert(emitter)
                }
            }
        }
        return readers
    }
}
