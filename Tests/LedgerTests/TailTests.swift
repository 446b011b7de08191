import Ledger
import Testing

@Suite struct TailTests {
    @Test func tailSeesEveryEventOnceInOrderWhileAppendsRun() async throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        _ = try await ledger.append(Sample.events(50), to: "before", expected: .noStream)
        let total = 50 + 16 * 40
        let reader = Task {
            var seen: [UInt64] = []
            for try await event in ledger.tail(after: 0, batchSize: 7) {
                seen.append(event.position)
                if seen.count == total { break }
            }
            return seen
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<16 {
                group.addTask {
                    for index in 0..<40 {
                        _ = try await ledger.append(
                            [Sample.event(index)], to: "w-\(writer)", expected: .any)
                    }
                }
            }
            try await group.waitForAll()
        }
        let seen = try await reader.value
        #expect(seen == Array(1...UInt64(total)))
    }

    @Test func tailStartsAfterTheGivenPosition() async throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        _ = try await ledger.append(Sample.events(10), to: "s", expected: .noStream)
        var iterator = ledger.tail(after: 7).makeAsyncIterator()
        #expect(try await iterator.next()?.position == 8)
        #expect(try await iterator.next()?.position == 9)
        #expect(try await iterator.next()?.position == 10)
    }

    @Test func tailWaitingForCommitsEndsWhenTheLedgerCloses() async throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        let reader = Task {
            var count = 0
            for try await _ in ledger.tail(after: 0) { count += 1 }
            return count
        }
        _ = try await ledger.append(Sample.events(3), to: "s", expected: .noStream)
        while ledger.statistics.snapshot.commits == 0 { await Task.yield() }
        try await Task.sleep(for: .milliseconds(50))
        ledger.close()
        #expect(try await reader.value <= 3)
    }

    @Test func cancellingATailStopsIt() async throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let reader = Task {
            for try await _ in ledger.tail(after: 0) {}
            return true
        }
        try await Task.sleep(for: .milliseconds(20))
        reader.cancel()
        #expect(try await reader.value)
    }
}
