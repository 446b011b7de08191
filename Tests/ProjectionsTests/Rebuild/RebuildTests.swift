import Ledger
import Logging
import Testing

@testable import Projections

@Suite struct RebuildTests {
    /// Every entry of database `kind` in `slot`.
    static func entries(
        _ kind: String, _ slot: ProjectionSlot, in ledger: Ledger
    ) throws -> [([UInt8], [UInt8])] {
        let database = ledger.database(FormDatabases.name(kind, slot))!
        return try ledger.read { transaction throws(LedgerError) in
            var all: [([UInt8], [UInt8])] = []
            try transaction.scan(database, from: [0]) { key, value throws(LedgerError) in
                all.append((Array(key), Array(value)))
                return true
            }
            return all
        }
    }

    @Test func rebuildAfterTenThousandCommandsIsByteIdenticalToTheLiveProjection() async throws {
        let world = try ProjectionWorld()
        var generator = WorkloadGenerator(seed: 11, companies: 40)
        let report = try await WorkloadRunner(width: 4).run(
            &generator, commands: 10_000, on: world.commands)
        #expect(report.commands == 10_000)
        let rebuilder = ProjectionRebuilder(
            ledger: world.ledger, logger: world.ledger.options.logger)
        let rebuilt = try rebuilder.rebuild()
        #expect(rebuilt.slot == .b)
        #expect(rebuilt.events == report.lastPosition)
        let comparisons = try rebuilder.compareSlots(batch: 700)
        #expect(comparisons.map(\.database) == FormDatabases.kinds)
        #expect(comparisons.allSatisfy { $0.differing == 0 && $0.active == $0.other })
        for kind in FormDatabases.kinds {
            let live = try Self.entries(kind, .a, in: world.ledger)
            let fresh = try Self.entries(kind, .b, in: world.ledger)
            #expect(!live.isEmpty, "database \(kind) is empty")
            #expect(live.count == fresh.count, "database \(kind)")
            #expect(live.elementsEqual(fresh) { $0.0 == $1.0 && $0.1 == $1.1 }, "database \(kind)")
        }
    }

    @Test func changedVersionIsRebuiltAtOpenAndLoggedWithCounts() throws {
        let world = try ProjectionWorld()
        let (_, report) = try world.generate(seed: 2, commands: 200)
        let meta = world.ledger.database(FormsProjection.metaName)!
        try world.ledger.write { transaction throws(LedgerError) in
            try ProjectionMeta(active: .a, version: FormsProjection.version + 41)
                .write(transaction, meta)
        }
        #expect(throws: QueryError.self) {
            try world.queries.form(id: "w2-1", companies: [])
        }
        try world.reopen()
        let rebuilt = world.logs.written.filter { $0.message == "Projection rebuilt" }
        #expect(rebuilt.count == 2)
        let last = try #require(rebuilt.last)
        #expect(last.level == .info)
        #expect(last.metadata["projection.events"] == String(report.lastPosition))
        #expect(last.metadata["projection.previousVersion"] == String(FormsProjection.version + 41))
        #expect(last.metadata["projection.seconds"] != nil)
        let state = try world.queries.read { try $0.state("w2-1") }
        #expect(state != nil)
    }

    @Test func appendsDuringAnOutdatedProjectionAreCaughtUpByTheRebuild() throws {
        let world = try ProjectionWorld()
        try world.generate(seed: 4, commands: 100)
        let meta = world.ledger.database(FormsProjection.metaName)!
        try world.ledger.write { transaction throws(LedgerError) in
            try ProjectionMeta(active: .a, version: 0).write(transaction, meta)
        }
        var generator = WorkloadGenerator(seed: 99, companies: 10)
        var created: [String] = []
        for _ in 0..<30 {
            let request = generator.next()
            guard case .create = request.command else { continue }
            // The service cannot read states while the projection is outdated; creations
            // need none, so they still go through, and the rebuild must fold them.
            created.append(try world.commands.executeWaiting(request).formId)
        }
        #expect(!created.isEmpty)
        let report = try ProjectionRebuilder(
            ledger: world.ledger, logger: world.ledger.options.logger
        )
        .rebuild()
        #expect(report.events == (try world.ledger.head().position))
        for id in created {
            #expect(try world.queries.read { try $0.state(id) }?.status == .draft)
        }
    }

    @Test func rebuildDuringAppendsMissesNothing() async throws {
        let world = try ProjectionWorld()
        try world.generate(seed: 6, commands: 300)
        var rebuilder = ProjectionRebuilder(
            ledger: world.ledger, logger: world.ledger.options.logger)
        rebuilder.chunkSize = 50
        let running = rebuilder
        let service = world.commands
        async let rebuilt = Task.detached { try running.rebuild() }.value
        var generator = WorkloadGenerator(seed: 60, companies: 10)
        let report = try await WorkloadRunner(width: 2).run(
            &generator, commands: 300, on: service)
        let first = try await rebuilt
        #expect(report.commands == 300)
        // Whatever the interleaving, the rebuilt slot now equals the live writes: a second
        // rebuild (into the other slot) must give the same bytes.
        let second = try rebuilder.rebuild()
        #expect(first.slot != second.slot)
        for kind in FormDatabases.kinds {
            let a = try Self.entries(kind, .a, in: world.ledger)
            let b = try Self.entries(kind, .b, in: world.ledger)
            #expect(a.elementsEqual(b) { $0.0 == $1.0 && $0.1 == $1.1 }, "database \(kind)")
        }
    }

    @Test func anUndecodableBSDEventEndsTheRebuildAndTheLiveSlotStaysActive() async throws {
        let world = try ProjectionWorld()
        try world.generate(seed: 4, commands: 60)
        // Written without the projection, which would refuse it at the append.
        world.ledger.close()
        let raw = try Ledger(path: world.folder.path, options: ProjectionWorld.options(world.logs))
        let garbage = NewEvent(
            id: .random(), type: "FormCreated", payload: Array(#"{"nonsense":true}"#.utf8),
            metadata: EventMetadata())
        _ = try await raw.append([garbage], to: "form-garbage", expected: .noStream)
        raw.close()
        try world.reopen()
        let meta = world.ledger.database(FormsProjection.metaName)!
        let before = try world.ledger.read { transaction throws(LedgerError) in
            try ProjectionMeta.read(transaction, meta)
        }
        var rebuilder = ProjectionRebuilder(
            ledger: world.ledger, logger: world.ledger.options.logger)
        rebuilder.chunkSize = 10
        var chunks = 0
        #expect(throws: (any Error).self) { try rebuilder.rebuild { _ in chunks += 1 } }
        #expect(chunks > 1, "the chunks before the bad event were replayed")
        let after = try world.ledger.read { transaction throws(LedgerError) in
            try ProjectionMeta.read(transaction, meta)
        }
        #expect(after == before)
        #expect(before?.active == .a)
        #expect(try world.queries.read { try $0.state("w4-1") } != nil)
    }

    @Test func secondRebuildOfTheSameLedgerIsRefusedWhileOneRuns() throws {
        let world = try ProjectionWorld()
        try world.generate(seed: 9, commands: 50)
        var rebuilder = ProjectionRebuilder(
            ledger: world.ledger, logger: world.ledger.options.logger)
        rebuilder.chunkSize = 10
        let nested = rebuilder
        var refusals: [ProjectionError] = []
        _ = try rebuilder.rebuild { _ in
            do {
                _ = try nested.rebuild()
            } catch let error as ProjectionError {
                refusals.append(error)
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
        #expect(!refusals.isEmpty)
        #expect(refusals.allSatisfy { $0 == .rebuildInProgress(projection: "forms") })
        _ = try rebuilder.rebuild()
    }

    @Test func slotComparisonCountsEveryDifference() throws {
        let world = try ProjectionWorld()
        try world.generate(seed: 12, commands: 80)
        let rebuilder = ProjectionRebuilder(
            ledger: world.ledger, logger: world.ledger.options.logger)
        _ = try rebuilder.rebuild()
        #expect(try rebuilder.compareSlots().allSatisfy { $0.differing == 0 })
        let stale = world.ledger.database(FormDatabases.name("readable", .a))!
        try world.ledger.write { transaction throws(LedgerError) in
            try transaction.put(stale, Array("TD-99-ZZZ99999".utf8), Array("ghost".utf8))
            try transaction.put(stale, Array("TD-26-AAA00001".utf8), Array("changed".utf8))
        }
        let readable = try #require(
            try rebuilder.compareSlots(batch: 7).first { $0.database == "readable" })
        #expect(readable.differing == 2)
        #expect(readable.other == readable.active + 1)
    }
}
