/// The outcome of walking the whole log with ``Ledger/verify(progress:)``.
public struct VerificationReport: Sendable, Equatable {
    /// The first thing found wrong.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The position of the first bad event (for a head mismatch, the stored head).
        public var position: UInt64
        /// What is wrong there.
        public var reason: String

        /// `position N: reason`.
        public var description: String { "position \(position): \(reason)" }
    }

    /// Events checked before stopping (all of them when `problem` is nil).
    public var eventsChecked: UInt64
    /// Distinct streams seen.
    public var streams: Int
    /// The hash of the last good event.
    public var headHash: Hash
    /// The Merkle root over the good events, rebuilt from the log.
    public var treeRoot: Hash
    /// The first problem, or nil when the log is intact.
    public var problem: Problem?
}
