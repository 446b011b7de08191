import Ledger

/// Every committed event after a position, as ``Ledger/tail(after:batchSize:)`` gives them
/// (each once, in position order), taken from the shared ``EventFeed`` while it holds them
/// and read from the log otherwise: before the feed's window, and for good once the feed
/// has stopped. Ends when the ledger closes or the iterating task is cancelled.
struct FeedTail: AsyncSequence, Sendable {
    typealias Element = RecordedEvent
    typealias Failure = LedgerError

    let feed: EventFeed
    let ledger: Ledger
    let after: UInt64
    var batchSize = 512

    func makeAsyncIterator() -> Iterator {
        Iterator(feed: feed, ledger: ledger, position: after, batchSize: batchSize)
    }

    /// Takes batches from the feed or the log, and waits on the feed when caught up.
    struct Iterator: AsyncIteratorProtocol {
        let feed: EventFeed
        let ledger: Ledger
        var position: UInt64
        let batchSize: Int
        /// The events at hand, from `index` on: a slice shared with the feed.
        var buffer: ArraySlice<RecordedEvent> = []
        var index = 0
        /// The log's own tail, once the feed has stopped.
        var own: LedgerTail.Iterator?

        mutating func next() async throws(LedgerError) -> RecordedEvent? {
            if own == nil, try await fill() {
                let event = buffer[index]
                index += 1
                position = event.position
                return event
            }
            return try await ownNext()
        }

        /// The next events, in order and at least one, as many as are at hand; nil at the
        /// end. The same events as ``next()`` gives one by one, without a suspension point
        /// and a copy per event for a caller that passes over most of them.
        mutating func nextBatch() async throws(LedgerError) -> ArraySlice<RecordedEvent>? {
            if own == nil, try await fill() {
                let batch = buffer[index...]
                index = buffer.endIndex
                position = batch[batch.endIndex - 1].position
                return batch
            }
            return try await ownNext().map { [$0][...] }
        }

        /// Makes events ready in `buffer` from `index` on, waiting for them if need be;
        /// false when the iteration ends (cancelled, the ledger closed) or goes on with the
        /// log's own tail, `own`, because the feed stopped.
        private mutating func fill() async throws(LedgerError) -> Bool {
            while index == buffer.endIndex {
                if Task.isCancelled { return false }
                switch feed.batch(after: position, limit: batchSize) {
                case .events(let events):
                    buffer = events
                case .notHeld:
                    do {
                        buffer = try ledger.readAll(after: position, limit: batchSize)[...]
                    } catch .closed {
                        return false
                    }
                    if buffer.isEmpty { await feed.wait(after: position) }
                case .ahead:
                    buffer = []
                    if feed.isClosed {
                        own = ledger.tail(after: position, batchSize: batchSize)
                            .makeAsyncIterator()
                        return false
                    }
                    await feed.wait(after: position)
                }
                index = buffer.startIndex
            }
            return true
        }

        private mutating func ownNext() async throws(LedgerError) -> RecordedEvent? {
            let event = try await own?.next()
            if let event { position = event.position }
            return event
        }
    }
}
