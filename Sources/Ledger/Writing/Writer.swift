import CLMDB
import Dispatch
import Glibc

/// The single writer: a dedicated thread that drains the queue of pending appends into one
/// LMDB write transaction and one sync (group commit), then completes every waiting caller.
final class Writer: @unchecked Sendable {
    // `queue` and `stopping` are guarded by `condition`; `chain` is touched only by the
    // writer thread (and by `init` before the thread starts).
    let environment: Environment
    let options: LedgerOptions
    private let notifier: HeadNotifier
    private let condition = Condition()
    private var queue: [PendingAppend] = []
    private var stopping = false
    private var thread: pthread_t?
    private var chain: ChainState
    let hasher = ChainHasher()
    private let statistics: CommitStatistics
    private let completions = DispatchQueue(label: "bsd-ledger.writer.completions")

    init(
        environment: Environment, options: LedgerOptions, notifier: HeadNotifier,
        head: ChainState, statistics: CommitStatistics
    ) {
        self.environment = environment
        self.options = options
        self.notifier = notifier
        self.chain = head
        self.statistics = statistics
    }

    /// Starts the writer thread.
    func start() {
        let context = Unmanaged.passRetained(self).toOpaque()
        var handle = pthread_t()
        let code = pthread_create(
            &handle, nil,
            { raw in
                let writer = Unmanaged<Writer>.fromOpaque(raw!).takeRetainedValue()
                writer.run()
                return nil
            }, context)
        precondition(code == 0, "cannot start the ledger writer thread: error \(code)")
        thread = handle
    }

    /// Queues an append; the writer completes it after its commit.
    func submit(_ append: PendingAppend) {
        let accepted = condition.withLock {
            guard !stopping else { return false }
            queue.append(append)
            condition.broadcast()
            return true
        }
        if !accepted { append.complete(.failure(.closed)) }
    }

    /// Lets the queue drain, then stops the thread.
    func stop() {
        condition.withLock {
            stopping = true
            condition.broadcast()
        }
        if let thread { pthread_join(thread, nil) }
        thread = nil
    }

    private func run() {
        while let batch = nextBatch() {
            commit(batch)
        }
    }

    /// Blocks until appends are queued; takes as many as fit in one commit.
    private func nextBatch() -> [PendingAppend]? {
        condition.withLock {
            while queue.isEmpty && !stopping { condition.wait() }
            if queue.isEmpty { return nil }
            var events = 0
            var taken = 0
            while taken < queue.count
                && (taken == 0
                    || events + queue[taken].eventCount <= options.maximumEventsPerCommit)
            {
                events += queue[taken].eventCount
                taken += 1
            }
            let batch = Array(queue[..<taken])
            queue.removeFirst(taken)
            return batch
        }
    }

    /// Answers every append of a batch that could not be committed.
    private func fail(_ batch: [PendingAppend], _ error: LedgerError) {
        options.logger.error(
            "Commit failed",
            metadata: ["ledger.error": "\(error)", "ledger.appends": String(batch.count)])
        for append in batch { append.complete(.failure(error)) }
    }

    /// Writes `batch` in one transaction, growing the map and retrying when it is full.
    private func commit(_ batch: [PendingAppend]) {
        while true {
            var draft = chain
            do throws(LedgerError) {
                let results = try writeBatch(batch, chain: &draft)
                chain = draft
                // Refused appends were rolled back: only the others count.
                let committed = zip(batch, results).filter { _, result in
                    if case .success = result { return true }
                    return false
                }
                statistics.record(
                    commitOf: committed.count,
                    events: committed.reduce(0) { $0 + $1.0.eventCount })
                notifier.publish(chain.position)
                // Waking each caller costs a system call; another thread does it so the
                // writer can start on the next queue at once.
                completions.async {
                    for (append, result) in zip(batch, results) { append.complete(result) }
                }
                return
            } catch .storage(_, let code, _) where code == LMDB.mapFull {
                do throws(LedgerError) {
                    try environment.grow()
                    options.logger.info(
                        "Map grown", metadata: ["ledger.map.bytes": String(environment.mapSize)])
                } catch {
                    fail(batch, error)
                    return
                }
            } catch {
                fail(batch, error)
                return
            }
        }
    }
}
