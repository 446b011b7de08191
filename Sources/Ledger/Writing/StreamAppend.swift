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
        for append in appends {
            guard PreparedEvent.isValidStreamID(append.stream) else {
                throw .invalidStreamID(append.stream)
            }
            var events: [PreparedEvent] = []
            events.reserveCapacity(append.events.count)
            for event in append.events {
                guard seen.insert(event.id).inserted else { throw .duplicateEventID(event.id) }
                events.append(try PreparedEvent(event))
            }
            parts.append(Part(stream: append.stream, expected: append.expected, events: events))
        }
        self.parts = parts
        eventCount = seen.count
        self.complete = complete
    }
}
