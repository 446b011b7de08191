import Dispatch
import Domain
import Ledger
import Synchronization

/// Reads the log ahead of a rebuild and decodes its BSD events on a thread of its own, in
/// read transactions of its own, so that decoding payloads overlaps the fold and the
/// writes of the rebuild's chunks instead of preceding them.
///
/// It hands out batches of ``batchSize`` records in log order; a shorter batch (possibly
/// empty) is the last: the log's end when the decoder reached it. Records appended after
/// that are for the rebuild to read in its own write transaction. At most `depth` batches
/// wait decoded, which bounds the memory it holds.
final class LogDecoder: Sendable {
    /// Records per batch.
    let batchSize: Int
    private let ledger: Ledger
    private let state = Mutex(Queue())
    /// Signalled once per batch queued, and once for a failure.
    private let filled = DispatchSemaphore(value: 0)
    /// Counts the batches the decoder may still queue.
    private let room: DispatchSemaphore
    /// Signalled when the decoding thread has returned.
    private let finished = DispatchSemaphore(value: 0)

    private struct Queue {
        var batches: [[DecodedRecord]] = []
        var failure: LedgerError?
        var stopped = false
        /// Batches replayed, for the decoding thread to free.
        var spent: [[[DecodedRecord]]] = []
    }

    /// Starts decoding the records after `position` at once.
    init(ledger: Ledger, after position: UInt64, batchSize: Int = 2_048, depth: Int = 8) {
        self.ledger = ledger
        self.batchSize = batchSize
        room = DispatchSemaphore(value: depth)
        DispatchQueue.global().async { [self] in
            run(after: position)
            finished.signal()
        }
    }

    /// The next batch, waiting for it; must not be called again after a short batch.
    /// - Throws: the storage error that stopped the decoder.
    func next() throws(LedgerError) -> [DecodedRecord] {
        filled.wait()
        let batch = state.withLock { queue -> Result<[DecodedRecord], LedgerError> in
            if !queue.batches.isEmpty { return .success(queue.batches.removeFirst()) }
            guard let failure = queue.failure else {
                preconditionFailure("the decoder signalled neither a batch nor a failure")
            }
            return .failure(failure)
        }
        room.signal()
        return try batch.get()
    }

    /// Hands back batches the rebuild has replayed: the decoding thread frees them, which
    /// takes the folding thread's time otherwise.
    func discard(_ batches: [[DecodedRecord]]) {
        guard !batches.isEmpty else { return }
        state.withLock { $0.spent.append(batches) }
    }

    /// Stops the decoder and waits for its thread to return; call once, before the ledger
    /// may close.
    func stop() {
        state.withLock { $0.stopped = true }
        room.signal()
        finished.wait()
    }

    private func run(after start: UInt64) {
        var position = start
        while true {
            room.wait()
            let (stopped, spent) = state.withLock { queue in
                defer { queue.spent = [] }
                return (queue.stopped, queue.spent)
            }
            if stopped { return }
            _ = consume spent  // the replayed batches are freed here, on this thread
            var batch: [DecodedRecord] = []
            batch.reserveCapacity(batchSize)
            do {
                position = try ledger.scan(after: position, limit: batchSize) {
                    view throws(LedgerError) in
                    batch.append(DecodedRecord(view))
                    return true
                }
            } catch {
                state.withLock { $0.failure = error }
                filled.signal()
                return
            }
            let last = batch.count < batchSize
            state.withLock { $0.batches.append(batch) }
            filled.signal()
            if last { return }
        }
    }
}
