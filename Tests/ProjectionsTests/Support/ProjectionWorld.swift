import Foundation
import Ledger
import Logging
import Projections

/// A fresh folder under the system's temporary directory, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init() {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("bsd-projections-test-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A real ledger in a temporary folder, opened with the forms projection, and the services
/// over it. Tests skip the fsync (durability is the ledger's own tests' business).
final class ProjectionWorld {
    let folder = TemporaryFolder()
    let logs = InMemoryLogHandler()
    private(set) var ledger: Ledger
    var commands: FormCommands { FormCommands(ledger: ledger) }
    var queries: FormQueries { FormQueries(ledger: ledger) }
    var history: FormHistory { FormHistory(ledger: ledger) }

    init() throws {
        ledger = try ProjectionRebuilder.openLedger(path: folder.path, options: Self.options(logs))
    }

    static func options(_ logs: InMemoryLogHandler) -> LedgerOptions {
        var options = LedgerOptions()
        options.durability = .noSync
        options.initialMapSize = 1 << 28
        options.logger = Logger(label: "test", handler: logs)
        return options
    }

    /// Closes and opens the ledger again (running any rebuild an outdated version needs).
    func reopen() throws {
        ledger.close()
        ledger = try ProjectionRebuilder.openLedger(path: folder.path, options: Self.options(logs))
    }

    /// Runs `count` generated commands with `seed`.
    @discardableResult
    func generate(seed: UInt64, commands count: Int) throws -> (WorkloadGenerator, WorkloadReport) {
        var generator = WorkloadGenerator(seed: seed, companies: 25)
        let report = try generator.run(commands: count, on: commands)
        return (generator, report)
    }

    deinit { ledger.close() }
}
