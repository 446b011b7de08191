import Synchronization

/// Counters of the group commit, for `stats` and the benchmark's events-per-commit figure.
public final class CommitStatistics: Sendable {
    /// A snapshot of the counters.
    public struct Snapshot: Sendable, Equatable {
        /// Transactions committed.
        public var commits: Int
        /// Append calls completed in those commits.
        public var appends: Int
        /// Events written (idempotent repeats included).
        public var events: Int
        /// Mean events per commit.
        public var eventsPerCommit: Double { commits == 0 ? 0 : Double(events) / Double(commits) }
    }

    private let counters = Mutex(Snapshot(commits: 0, appends: 0, events: 0))

    init() {}

    func record(commitOf appends: Int, events: Int) {
        counters.withLock {
            $0.commits += 1
            $0.appends += appends
            $0.events += events
        }
    }

    /// The counters since the ledger was opened.
    public var snapshot: Snapshot { counters.withLock { $0 } }
}
