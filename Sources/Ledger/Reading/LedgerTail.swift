/// Every committed event after a position: first those already in the log, then each new
/// commit as the writer announces it. Each event comes exactly once, in position order. The
/// sequence ends when the ledger closes or the iterating task is cancelled.
public struct LedgerTail: AsyncSequence, Sendable {
    /// The events of the log.
    public typealias Element = RecordedEvent
    /// Reading the log can fail.
    public typealias Failure = LedgerError

    let ledger: Ledger
    let after: UInt64
    let batchSize: Int

    /// Starts reading the log after `after`.
    public func makeAsyncIterator() -> Iterator {
        Iterator(ledger: ledger, position: after, batchSize: batchSize)
    }

    /// Reads the log in batches, waiting for the writer when it has caught up.
    public struct Iterator: AsyncIteratorProtocol {
        let ledger: Ledger
        var position: UInt64
        let batchSize: Int
        var buffer: [RecordedEvent] = []
        var index = 0

        /// The next committed event, waiting for one if needed; nil once the ledger closes.
        public mutating func next() async throws(LedgerError) -> RecordedEvent? {
            while index == buffer.count {
                if Task.isCancelled || ledger.notifier.isClosed { return nil }
                if ledger.notifier.head > position {
                    do {
                        buffer = try ledger.readAll(after: position, limit: batchSize)
                    } catch .closed {
                        return nil
                    }
                    index = 0
                    if buffer.isEmpty { await ledger.notifier.wait(after: ledger.notifier.head) }
                } else {
                    await ledger.notifier.wait(after: position)
                }
            }
            let event = buffer[index]
            index += 1
            position = event.position
            return event
        }
    }
}

extension Ledger {
    /// Follows the log from just after `position` (0: from the start).
    public func tail(after position: UInt64, batchSize: Int = 512) -> LedgerTail {
        LedgerTail(ledger: self, after: position, batchSize: batchSize)
    }
}

extension Ledger {
    /// The last committed position, as the writer last published it (no transaction).
    public var committedPosition: UInt64 { notifier.head }

    /// Returns once a commit moves the head past `position`, the ledger closes or the task
    /// is cancelled; then returns the committed position.
    @discardableResult
    public func waitForCommit(after position: UInt64) async -> UInt64 {
        await notifier.wait(after: position)
        return notifier.head
    }
}

extension Ledger {
    /// Whether ``close()`` was called.
    public var isClosed: Bool { notifier.isClosed }
}
