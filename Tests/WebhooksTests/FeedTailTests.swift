import Ledger
import Testing

@testable import Webhooks

@Suite struct FeedTailTests {
    private func events(_ count: Int) -> [NewEvent] {
        (0..<count).map { value in
            NewEvent(
                id: .random(), type: "SampleRecorded", payload: Array("{\"value\":\(value)}".utf8),
                metadata: EventMetadata())
        }
    }

    /// A feed of capacity 8 started after `count` events appended to `ledger`.
    private func feed(after count: Int, on ledger: Ledger) async throws -> EventFeed {
        _ = try await ledger.append(events(count), to: "before", expected: .noStream)
        let feed = EventFeed(ledger: ledger, capacity: 8)
        feed.start(after: UInt64(count))
        return feed
    }

    @Test func everyEventComesOnceInOrderFromBeforeTheFeedThroughTrimsAndLiveAppends()
        async throws
    {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path + "/ledger")
        defer { ledger.close() }
        let feed = try await feed(after: 50, on: ledger)
        let total = 50 + 8 * 40
        let readers = (0..<3).map { number in
            Task {
                var seen: [UInt64] = []
                let tail = FeedTail(feed: feed, ledger: ledger, after: 0, batchSize: 5 + number)
                for try await event in tail {
                    seen.append(event.position)
                    if seen.count == total { break }
                }
                return seen
            }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for _ in 0..<40 {
                        _ = try await ledger.append(events(1), to: "w-\(writer)", expected: .any)
                    }
                }
            }
            try await group.waitForAll()
        }
        for reader in readers { #expect(try await reader.value == Array(1...UInt64(total))) }
        await feed.stop()
    }

    @Test func aTailGoesOnFromTheLogOnceTheFeedStops() async throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path + "/ledger")
        defer { ledger.close() }
        let feed = EventFeed(ledger: ledger)
        feed.start(after: 0)
        _ = try await ledger.append(events(3), to: "s", expected: .noStream)
        var iterator = FeedTail(feed: feed, ledger: ledger, after: 0).makeAsyncIterator()
        for position: UInt64 in 1...3 { #expect(try await iterator.next()?.position == position) }
        await feed.stop()
        #expect(feed.isClosed)
        _ = try await ledger.append(events(2), to: "s", expected: .any)
        #expect(try await iterator.next()?.position == 4)
        #expect(try await iterator.next()?.position == 5)
    }

    @Test func batchesGiveTheSameEventsInOrderFromTheLogThenTheFeed() async throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path + "/ledger")
        defer { ledger.close() }
        let feed = try await feed(after: 30, on: ledger)
        _ = try await ledger.append(events(20), to: "after", expected: .noStream)
        var iterator = FeedTail(feed: feed, ledger: ledger, after: 3, batchSize: 7)
            .makeAsyncIterator()
        var seen: [UInt64] = []
        var sizes: [Int] = []
        while seen.count < 47, let batch = try await iterator.nextBatch() {
            #expect(!batch.isEmpty)
            sizes.append(batch.count)
            seen += batch.map(\.position)
        }
        #expect(seen == Array(4...50))
        #expect(sizes.allSatisfy { $0 <= 7 })
        _ = try await ledger.append(events(1), to: "after", expected: .any)
        #expect(try await iterator.next()?.position == 51)
        await feed.stop()
    }

    @Test func cancellingAWaitingTailEndsIt() async throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path + "/ledger")
        defer { ledger.close() }
        let feed = EventFeed(ledger: ledger)
        feed.start(after: 0)
        let reader = Task {
            var count = 0
            for try await _ in FeedTail(feed: feed, ledger: ledger, after: 0) { count += 1 }
            return count
        }
        try await Task.sleep(for: .milliseconds(50))
        reader.cancel()
        #expect(try await reader.value == 0)
        await feed.stop()
    }

    @Test func everyHeldPositionGivesTheEventsRightAfterItAsBatchesSealAndTrimsDrop()
        async throws
    {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path + "/ledger")
        defer { ledger.close() }
        let feed = EventFeed(ledger: ledger, capacity: 4)
        feed.start(after: 0)
        var lowestHeld: UInt64 = 0
        for count in UInt64(1)...30 {
            _ = try await ledger.append(events(1), to: "s", expected: .any)
            await feed.wait(after: count - 1)
            // Every third event, a batch from the open segment seals it.
            if count % 3 == 0 { _ = feed.batch(after: count - 1, limit: 1) }
            var held: [UInt64] = []
            for position in 0...count {
                switch feed.batch(after: position, limit: 3) {
                case .events(let events):
                    held.append(position)
                    let positions = events.map(\.position)
                    let expected = Array((position + 1)...min(position + 3, count))
                    #expect(!positions.isEmpty)
                    #expect(positions == Array(expected.prefix(positions.count)))
                case .notHeld: #expect(held.isEmpty, "only positions before the window")
                case .ahead: #expect(position == count)
                }
            }
            #expect(held.last == count - 1, "the newest event is held")
            #expect(held.count >= min(4, Int(count)), "at least the capacity is held")
            #expect(held.count < 8, "at most twice the capacity is held")
            #expect(held.first! >= lowestHeld, "the window only moves on")
            lowestHeld = held.first!
        }
        await feed.stop()
    }
}
