import CLMDB
import Logging

/// How a ledger is opened.
public struct LedgerOptions: Sendable {
    /// How commits reach the disk.
    public enum Durability: String, Sendable, CaseIterable {
        /// Two syncs per commit (data, then meta page): nothing acknowledged is ever lost.
        case full
        /// One sync per commit; after a system crash the last commit may roll back.
        /// Benchmarks only.
        case noMetaSync
        /// No sync at commit; a system crash may lose recent commits. Benchmarks only.
        case noSync

        var lmdbFlags: UInt32 {
            switch self {
            case .full: 0
            case .noMetaSync: UInt32(MDB_NOMETASYNC)
            case .noSync: UInt32(MDB_NOSYNC)
            }
        }
    }

    /// Commit durability; `.full` unless a benchmark says otherwise.
    public var durability: Durability = .full
    /// The map size to start with; it doubles whenever LMDB reports the map full.
    public var initialMapSize: Int = 1 << 34
    /// The most events one group commit takes from the queue.
    public var maximumEventsPerCommit: Int = 10_000
    /// Whether each commit extends the Merkle tree over the log. Benchmarks only turn it off
    /// (to measure its cost); the tree is then caught up the next time the ledger opens with
    /// it on.
    public var maintainsMerkleTree = true
    /// Projections written in the same transaction as the events.
    public var projections: [any InlineProjection] = []
    /// Where the ledger reports its lifecycle (info) and failures; silent unless given one.
    public var logger = Logger.discarding(label: "ledger")

    /// Default options: full durability, a 16 GiB map to start, no projections.
    public init() {}
}
