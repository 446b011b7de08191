import Ledger
import Logging
import Testing

@Suite struct MapGrowthTests {
    @Test func fullMapGrowsWithoutLosingThePendingBatch() async throws {
        let folder = TemporaryFolder()
        var options = LedgerOptions()
        options.initialMapSize = 1 << 20  // 1 MiB: full after a few thousand events
        let logs = InMemoryLogHandler()
        options.logger = Logger(label: "ledger", handler: logs)
        let ledger = try Ledger(path: folder.path, options: options)
        defer { ledger.close() }
        let payload = Array(("{\"text\":\"" + String(repeating: "x", count: 400) + "\"}").utf8)
        var written = 0
        try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var count = 0
                    for _ in 0..<50 {
                        let events = (0..<20).map { _ in
                            NewEvent(id: .random(), type: "Filler", payload: payload)
                        }
                        count += try await ledger.append(events, to: "w-\(worker)", expected: .any)
                            .count
                    }
                    return count
                }
            }
            written = try await group.reduce(0, +)
        }
        #expect(written == 8000)
        #expect(try ledger.head().position == 8000)
        let report = try ledger.verify()
        #expect(report.problem == nil)
        #expect(report.eventsChecked == 8000)
        let growths = logs.written.filter { $0.message == "Map grown" }
        #expect(!growths.isEmpty)
        #expect(growths.allSatisfy { $0.level == .info && $0.metadata["ledger.map.bytes"] != nil })
    }
}
