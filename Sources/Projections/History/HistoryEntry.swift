import Domain

/// One event of a BSD as an auditor reads it.
public struct HistoryEntry: Sendable {
    /// The BSD the event is about.
    public var formId: String
    /// The event's position in the ledger.
    public var position: UInt64
    /// Its version within the BSD's stream.
    public var streamVersion: UInt64
    /// The event type.
    public var type: String
    /// When the ledger recorded it (µs since the epoch).
    public var recordedAt: Int64
    /// The acting user and company, from the event.
    public var actor: Actor?
    /// The status after the event.
    public var status: FormStatus
    /// The content fields the event changed.
    public var changes: [FieldChange]

    /// Makes an entry, for readers that fold a stream themselves (the dispatcher).
    public init(
        formId: String, position: UInt64, streamVersion: UInt64, type: String,
        recordedAt: Int64, actor: Actor?, status: FormStatus, changes: [FieldChange]
    ) {
        self.formId = formId
        self.position = position
        self.streamVersion = streamVersion
        self.type = type
        self.recordedAt = recordedAt
        self.actor = actor
        self.status = status
        self.changes = changes
    }
}

/// An instant of the ledger: a position, or a date-time compared with the recording time.
public enum LedgerInstant: Sendable {
    /// Everything up to and including this position.
    case position(UInt64)
    /// Everything recorded at or before this instant (µs since the epoch).
    case time(Int64)
}
