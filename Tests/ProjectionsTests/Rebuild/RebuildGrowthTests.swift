import Ledger
import Logging
import Testing

@testable import Projections

/// A rebuild fills the inactive slot beside the active one, so it needs about as much room
/// again: a full map in the middle of a chunk must grow the map and run the chunk again, not
/// end the rebuild.
@Suite struct RebuildGrowthTests {
    @Test(arguments: [300, 600, 900, 1_300, 1_800, 2_500])
    func aRebuildThatFillsTheMapGrowsItAndMatchesTheLiveSlot(commands: Int) throws {
        let folder = TemporaryFolder()
        var options = LedgerOptions()
        options.durability = .noSync
        options.initialMapSize = 1 << 20
        let ledger = try ProjectionRebuilder.openLedger(path: folder.path, options: options)
        defer { ledger.close() }
        var generator = WorkloadGenerator(seed: 5, companies: 25)
        let report = try generator.run(commands: commands, on: FormCommands(ledger: ledger))
        let rebuilder = ProjectionRebuilder(ledger: ledger, logger: options.logger)
        // Among these sizes, the log and the live slot leave less room than a second slot
        // takes for some: the map fills during the rebuild.
        let rebuilt = try rebuilder.rebuild()
        #expect(rebuilt.events == report.lastPosition)
        #expect(try rebuilder.compareSlots().allSatisfy { $0.differing == 0 })
    }
}
