import Ledger
import Testing

@Suite struct ConcurrentAppendTests {
    @Test func manyConcurrentAppendersLeaveNoGapOrDuplicate() async throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let appenders = 64
        let perAppender = 30
        let positions = try await withThrowingTaskGroup(of: [UInt64].self) { group in
            for appender in 0..<appenders {
                group.addTask {
                    var mine: [UInt64] = []
                    for index in 0..<perAppender {
                        let stream = "form-\(appender % 8)"
                        mine += try await ledger.append(
                            [Sample.event(index)], to: stream, expected: .any)
                    }
                    return mine
                }
            }
            return try await group.reduce(into: [UInt64]()) { $0 += $1 }
        }
        let total = appenders * perAppender
        #expect(positions.sorted() == Array(1...UInt64(total)))
        for stream in 0..<8 {
            let versions = try ledger.readStream("form-\(stream)").map(\.streamVersion)
            #expect(versions == Array(0..<UInt64(versions.count)))
        }
        #expect(try ledger.verify().problem == nil)
        // Group commit: concurrent callers shared transactions.
        #expect(ledger.statistics.snapshot.eventsPerCommit > 1)
    }

    @Test func concurrentAppendsWithExactVersionsNeverBothWin() async throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        _ = try await ledger.append(Sample.events(1), to: "form-1", expected: .noStream)
        let winners = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<32 {
                group.addTask {
                    (try? await ledger.append([Sample.event()], to: "form-1", expected: .exact(0)))
                        == nil ? 0 : 1
                }
            }
            return await group.reduce(0, +)
        }
        #expect(winners == 1)
        #expect(try ledger.streamVersion("form-1") == 1)
    }
}
