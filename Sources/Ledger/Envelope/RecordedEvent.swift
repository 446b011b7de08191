/// An event as stored in the log: the caller's event plus everything the ledger assigned.
public struct RecordedEvent: Hashable, Sendable {
    /// Position in the global log, from 1, without gaps.
    public var position: UInt64
    /// The stream the event belongs to.
    public var streamID: String
    /// Version within the stream, from 0, without gaps.
    public var streamVersion: UInt64
    /// The caller's id for the event.
    public var id: EventID
    /// The event type.
    public var type: String
    /// The payload's schema version.
    public var schemaVersion: UInt16
    /// When the ledger recorded the event: microseconds since 1970-01-01T00:00:00Z.
    public var recordedAt: Int64
    /// Correlation, causation and actor.
    public var metadata: EventMetadata
    /// The payload's canonical JSON bytes.
    public var payload: [UInt8]
    /// The hash of the previous event (32 zero bytes before the first).
    public var previousHash: Hash
    /// SHA-256 of `previousHash` followed by the canonical bytes of this envelope.
    public var hash: Hash
}
