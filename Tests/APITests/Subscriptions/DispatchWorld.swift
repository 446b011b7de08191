import Foundation
import Ledger
import Logging
import Projections

@testable import API

/// A real ledger with the forms projection in a temporary folder, a running dispatcher over
/// it, and a workload generator to write realistic BSD commands.
final class DispatchWorld {
    let folder: String
    let ledger: Ledger
    let dispatcher: Dispatcher
    var generator: WorkloadGenerator

    init(capacity: Int = 1_000, seed: UInt64 = 7) throws {
        folder =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("bsd-dispatch-\(UUID().uuidString)").path
        var options = LedgerOptions()
        options.durability = .noSync
        options.initialMapSize = 1 << 28
        ledger = try ProjectionRebuilder.openLedger(path: folder, options: options)
        dispatcher = Dispatcher(
            ledger: ledger, logger: Logger.discarding(label: "dispatch"), capacity: capacity)
        try dispatcher.start()
        generator = WorkloadGenerator(seed: seed, companies: 12)
    }

    /// Runs `count` generated commands, one after another, each awaited.
    func run(_ count: Int) async throws {
        let commands = FormCommands(ledger: ledger)
        for _ in 0..<count { _ = try await commands.execute(generator.next()) }
    }

    /// The positions of every event of a BSD's stream in the log, in order.
    func formEventPositions() throws -> [UInt64] {
        try ledger.readAll(after: 0, limit: .max).filter { $0.streamID.hasPrefix("form-") }
            .map(\.position)
    }

    /// Whether the event at `position` belongs to a BSD's stream.
    func isFormEvent(_ position: UInt64) throws -> Bool {
        try ledger.readAll(after: position - 1, limit: 1).first?.streamID.hasPrefix("form-")
            ?? false
    }

    /// Takes changes from `mailbox` until one at `position` or beyond arrives.
    static func drain(_ mailbox: ChangeMailbox, upTo position: UInt64) async -> [FormChange] {
        var changes: [FormChange] = []
        while changes.last.map({ $0.position < position }) ?? true {
            guard case .change(let change) = await mailbox.take() else { break }
            changes.append(change)
        }
        return changes
    }

    deinit {
        dispatcher.stop()
        ledger.close()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
