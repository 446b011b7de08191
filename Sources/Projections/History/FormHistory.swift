import Domain
import Ledger

/// A BSD's past, read from its stream in the log itself: every event with its field diff,
/// and the state as it was at any position or instant. Visibility is checked against the
/// BSD's current state, like every other read.
public struct FormHistory: Sendable {
    let ledger: Ledger

    /// Makes the history reader over a ledger opened with a ``FormsProjection``.
    public init(ledger: Ledger) {
        self.ledger = ledger
    }

    /// Every event of BSD `formId`, if one of `companies` may read it now.
    public func events(
        formId: String, companies: Set<String>
    ) throws -> [HistoryEntry]? {
        guard try FormQueries(ledger: ledger).form(id: formId, companies: companies) != nil
        else { return nil }
        return try auditEvents(formId: formId)
    }

    /// The BSD as it was at `instant`, if one of `companies` may read it now; nil also
    /// when it did not exist yet then.
    public func state(
        formId: String, asOf instant: LedgerInstant, companies: Set<String>
    ) throws -> FormState? {
        guard try FormQueries(ledger: ledger).form(id: formId, companies: companies) != nil
        else { return nil }
        let state = try auditState(formId: formId, asOf: instant)
        return state.exists ? state : nil
    }

    /// Every event of BSD `formId`, without a visibility check: for operators' tools only.
    public func auditEvents(formId: String) throws -> [HistoryEntry] {
        var state = FormState(id: formId)
        var entries: [HistoryEntry] = []
        for recorded in try ledger.readStream(FormState.streamId(formId: formId)) {
            let event = try DomainEvent.decode(
                type: recorded.type, schemaVersion: recorded.schemaVersion,
                payload: recorded.payload)
            let next = FormEvolver.evolve(state, event)
            entries.append(
                HistoryEntry(
                    formId: formId, position: recorded.position,
                    streamVersion: recorded.streamVersion,
                    type: recorded.type, recordedAt: recorded.recordedAt, actor: event.actor,
                    status: next.status,
                    changes: state.exists ? state.content.changes(to: next.content) : []))
            state = next
        }
        return entries
    }

    /// BSD `formId` folded from its events up to `instant`, without a visibility check.
    public func auditState(formId: String, asOf instant: LedgerInstant) throws -> FormState {
        var state = FormState(id: formId)
        for recorded in try ledger.readStream(FormState.streamId(formId: formId)) {
            switch instant {
            case .position(let position) where recorded.position > position: return state
            case .time(let time) where recorded.recordedAt > time: return state
            default: break
            }
            let event = try DomainEvent.decode(
                type: recorded.type, schemaVersion: recorded.schemaVersion,
                payload: recorded.payload)
            state = FormEvolver.evolve(state, event)
        }
        return state
    }
}
