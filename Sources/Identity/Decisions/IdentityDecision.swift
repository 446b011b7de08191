import Ledger

/// What a decision wants appended: events per stream, each with the stream version the
/// decision was made on, so a concurrent change makes the whole append fail.
public struct IdentityDecision: Equatable, Sendable {
    /// Events for one stream.
    public struct Part: Equatable, Sendable {
        /// The stream.
        public var stream: String
        /// The version the decision read (`.noStream` when the stream was empty).
        public var expected: ExpectedVersion
        /// The events, in order.
        public var events: [IdentityEvent]
    }

    /// The parts, appended atomically.
    public var parts: [Part]

    /// A decision on one stream read at `version`.
    init(_ events: [IdentityEvent], readAt version: UInt64?) {
        parts = []
        append(events, readAt: version)
    }

    /// Adds events for another stream read at `version`.
    mutating func append(_ events: [IdentityEvent], readAt version: UInt64?) {
        guard let stream = events.first?.stream else { return }
        let expected: ExpectedVersion = version.map { .exact($0) } ?? .noStream
        parts.append(Part(stream: stream, expected: expected, events: events))
    }

    /// Every event of every part, in order.
    public var events: [IdentityEvent] { parts.flatMap(\.events) }
}
