import Projections

/// One committed event of a BSD's stream, as the dispatcher hands it to subscribers.
struct FormChange: Sendable {
    /// What the event did to the BSD.
    var action: FormChangeAction
    /// The event as an auditor reads it: position, type, status after it, field changes.
    var entry: HistoryEntry
    /// The companies that may read the BSD after the event; for a deletion, those that
    /// could read it just before, so that they learn of it.
    var readerOrgIds: Set<String>

    /// The event's position in the ledger.
    var position: UInt64 { entry.position }
    /// The BSD the event is about.
    var formId: String { entry.formId }
    /// The event type.
    var eventType: String { entry.type }
}
