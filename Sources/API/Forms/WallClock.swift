import Ledger

/// The time and fresh ids for resolvers, kept apart from `Domain` so that the two modules'
/// `Timestamp` types never meet in one file.
enum WallClock {
    /// Now, in µs since the epoch (UTC).
    static func microseconds() -> Int64 { Timestamp.now() }

    /// A new opaque id, ordered by creation time.
    static func newId() -> String {
        EventID.timeOrdered(microseconds: Timestamp.now()).description
    }
}
