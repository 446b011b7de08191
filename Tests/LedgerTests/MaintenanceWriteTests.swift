import Ledger
import Testing

/// A projection that only declares a database, for maintenance writes to fill.
private struct ScratchProjection: InlineProjection {
    var name: String { "scratch" }
    var databaseNames: [String] { ["scratch.db"] }
    func apply(_ events: [RecordedEvent], in context: ProjectionContext) throws {}
}

@Suite struct MaintenanceWriteTests {
    private func open(_ folder: TemporaryFolder) throws -> Ledger {
        var options = LedgerOptions()
        options.durability = .noSync
        options.initialMapSize = 1 << 22
        options.projections = [ScratchProjection()]
        return try Ledger(path: folder.path, options: options)
    }

    private func entries(_ ledger: Ledger, backwardsFrom start: [UInt8]?) throws -> [[UInt8]] {
        let database = ledger.database("scratch.db")!
        return try ledger.read { transaction throws(LedgerError) in
            var keys: [[UInt8]] = []
            try transaction.scanBackwards(database, from: start) { key, _ throws(LedgerError) in
                keys.append(Array(key))
                return true
            }
            return keys
        }
    }

    @Test func writeCommitsAndScanBackwardsStartsAtTheLastKeyNotAfterTheStart() throws {
        let folder = TemporaryFolder()
        let ledger = try open(folder)
        defer { ledger.close() }
        let database = ledger.database("scratch.db")!
        try ledger.write { transaction throws(LedgerError) in
            for key: UInt8 in [2, 4, 6] { try transaction.put(database, [key], [key]) }
        }
        #expect(try entries(ledger, backwardsFrom: nil) == [[6], [4], [2]])
        #expect(try entries(ledger, backwardsFrom: [5]) == [[4], [2]])
        #expect(try entries(ledger, backwardsFrom: [4]) == [[4], [2]])
        #expect(try entries(ledger, backwardsFrom: [1]) == [])
        try ledger.write { transaction throws(LedgerError) in try transaction.clear(database) }
        #expect(try entries(ledger, backwardsFrom: nil) == [])
    }

    @Test func failedWriteLeavesNothingBehind() throws {
        let folder = TemporaryFolder()
        let ledger = try open(folder)
        defer { ledger.close() }
        let database = ledger.database("scratch.db")!
        #expect(throws: LedgerError.self) {
            try ledger.write { transaction throws(LedgerError) in
                try transaction.put(database, [1], [1])
                throw LedgerError.closed
            }
        }
        #expect(try entries(ledger, backwardsFrom: nil) == [])
    }

    @Test func scanInsideAWriteSeesTheCommittedLogAndItsHead() throws {
        let folder = TemporaryFolder()
        let ledger = try open(folder)
        defer { ledger.close() }
        _ = try ledger.appendWaiting(Sample.events(5), to: "s", expected: .noStream)
        let (positions, head) = try ledger.write { transaction throws(LedgerError) in
            var positions: [UInt64] = []
            try ledger.scan(after: 2, limit: 2, in: transaction) { view throws(LedgerError) in
                positions.append(view.position)
                return true
            }
            return (positions, try ledger.headPosition(in: transaction))
        }
        #expect(positions == [3, 4])
        #expect(head == 5)
    }

    @Test func writeGrowsTheMapWhenFull() throws {
        let folder = TemporaryFolder()
        let ledger = try open(folder)
        defer { ledger.close() }
        let database = ledger.database("scratch.db")!
        let value = [UInt8](repeating: 7, count: 4000)
        try ledger.write { transaction throws(LedgerError) in
            for index in 0..<3000 {
                try transaction.put(database, Array(String(index).utf8), value)
            }
        }
        let count = try ledger.read { transaction throws(LedgerError) in
            var count = 0
            try transaction.scan(database, from: [0]) { _, _ throws(LedgerError) in
                count += 1
                return true
            }
            return count
        }
        #expect(count == 3000)
    }

    /// A failed commit frees the transaction in LMDB (a full map while saving the free list,
    /// or a transaction already in error): it must end as a clean error, never be freed twice.
    /// Here the body swallows the full map of a put, so the commit itself fails.
    @Test func aCommitThatFailsIsAnErrorAndLeavesTheLedgerUsable() throws {
        let folder = TemporaryFolder()
        let ledger = try open(folder)
        defer { ledger.close() }
        let database = ledger.database("scratch.db")!
        let value = [UInt8](repeating: 9, count: 4000)
        var caught: LedgerError?
        do {
            try ledger.write { transaction throws(LedgerError) in
                do {
                    for index in 0..<5000 {
                        try transaction.put(database, Array("big-\(index)".utf8), value)
                    }
                } catch {
                    // Swallowed on purpose: LMDB has marked the transaction as failed.
                }
            }
        } catch {
            caught = error
        }
        guard case .storage(let operation, _, _) = caught else {
            Issue.record("expected the commit to fail, got \(String(describing: caught))")
            return
        }
        #expect(operation == "mdb_txn_commit")
        try ledger.write { transaction throws(LedgerError) in
            try transaction.put(database, Array("after".utf8), [1])
        }
        let stored = try ledger.read { transaction throws(LedgerError) in
            (
                try transaction.get(database, Array("after".utf8)),
                try transaction.get(database, Array("big-0".utf8))
            )
        }
        #expect(stored.0 == [1] && stored.1 == nil)
    }
}
