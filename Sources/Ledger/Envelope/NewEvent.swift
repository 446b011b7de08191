/// An event as handed to ``Ledger/append(_:to:expected:)``, before the ledger gives it a
/// position, a stream version, a time and a hash.
public struct NewEvent: Hashable, Sendable {
    /// The caller's id for the event; re-sending it makes the append idempotent.
    public var id: EventID
    /// The event type, e.g. `FormSealed`: letters, digits, `_` and `.`, at most 100 bytes.
    public var type: String
    /// The version of the payload's schema for this type, from 1.
    public var schemaVersion: UInt16
    /// The payload as canonical JSON bytes (see `CanonicalJSON`).
    public var payload: [UInt8]
    /// Correlation, causation and actor.
    public var metadata: EventMetadata

    /// Makes an event to append.
    public init(
        id: EventID, type: String, schemaVersion: UInt16 = 1, payload: [UInt8],
        metadata: EventMetadata = EventMetadata()
    ) {
        self.id = id
        self.type = type
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.metadata = metadata
    }
}
