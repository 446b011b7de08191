/// The state of one year's readable-id counter stream (`readable-id-2026`): the last number
/// handed out. It is folded from ``ReadableIdReserved`` events; a creation reserves the
/// next number in the same decision as ``DomainEvent/formCreated(_:)``, so the ledger's
/// expected-version check on this stream makes numbers gap-free and unique.
public struct ReadableIdCounter: Hashable, Sendable {
    /// The counter's year.
    public var year: Int
    /// The last number handed out, 0 before the first.
    public var lastNumber = 0
    /// Number of events folded; the stream version.
    public var version = 0

    /// A counter with nothing handed out yet.
    public init(year: Int) {
        self.year = year
    }

    /// The stream id of a year's counter.
    public static func streamId(year: Int) -> String { "readable-id-\(year)" }

    /// The counter after one reservation.
    public func evolve(_ event: ReadableIdReserved) -> ReadableIdCounter {
        var next = self
        next.lastNumber = event.number
        next.version += 1
        return next
    }
}
