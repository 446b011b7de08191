import CanonicalJSON

/// Events for one stream inside a (possibly multi-stream) atomic append.
public struct StreamAppend: Sendable {
    /// The stream to append to.
    public var stream: String
    /// What the caller expects of the stream beforehand.
    public var expected: ExpectedVersion
    /// The events, in order.
    public var events: [NewEvent]

    /// Makes one part of an atomic append.
    public init(stream: String, expected: ExpectedVersion, events: [NewEvent]) {
        self.stream = stream
        self.expected = expected
        self.events = events
    }
}

/// One caller's append, checked and waiting for the writer thread.
final class PendingAppend: Sendable {
    struct Part: Sendable {
        var stream: String
        var expected: ExpectedVersion
        var events: [PreparedEvent]
    }

    let parts: [Part]
    let eventCount: Int
    let complete: @Sendable (Result<[[UInt64]], LedgerError>) -> Void

    /// Checks every part on the caller's thread: ids, types, payloads, stream ids.
    init(
        _ appends: [StreamAppend],
        complete: @escaping @Sendable (Result<[[UInt64]], LedgerError>) -> Void
    ) throws(LedgerError) {
        var seen = Set<EventID>()
        var parts: [Part] = []
        var metadata = MetadataCache()
        for append in appends {
            guard PreparedEvent.isValidStreamID(append.stream) else {
                throw .invalidStreamID(append.stream)
            }
            try EventCheck.run(append.events)
            var events: [PreparedEvent] = []
            events.reserveCapacity(append.events.count)
            for event in append.events {
                guard seen.insert(event.id).inserted else { throw .duplicateEventID(event.id) }
                events.append(PreparedEvent(event, metadataJSON: metadata.encoded(event.metadata)))
            }
            parts.append(Part(stream: append.stream, expected: append.expected, events: events))
        }
        self.parts = parts
        eventCount = seen.count
        self.complete = complete
    }
}

/// Encodes metadata once for a run of events that share it (the usual case in one append).
private struct MetadataCache {
    private var last: EventMetadata?
    private var bytes: [UInt8] = []

    mutating func encoded(_ metadata: EventMetadata) -> [UInt8] {
        if metadata != last {
            last = metadata
            bytes = CanonicalJSON.encode(metadata, capacity: 64)
        }
        return bytes
    }
}
