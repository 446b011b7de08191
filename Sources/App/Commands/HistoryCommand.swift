import Ledger
import Projections

/// `bsd-ledger history <readableId> --data DIR`: every event of one BSD with its changes.
struct HistoryCommand {
    let folder: String
    let readableId: String

    init(options: inout Options) throws {
        folder = try options.dataFolder()
        guard let readableId = options.positional() else {
            throw UsageError(message: "give the BSD's readable id (TD-YY-AAA00001)")
        }
        self.readableId = readableId
        try options.finish()
    }

    func run() throws -> Int32 {
        let ledger = try ProjectionRebuilder.openLedger(path: folder)
        defer { ledger.close() }
        let found = try FormQueries(ledger: ledger).read { reader in
            try reader.formId(readableId: readableId).flatMap(reader.state)
        }
        guard let state = found else {
            Output.error("no BSD \(readableId)")
            return 1
        }
        let entries = try FormHistory(ledger: ledger).auditEvents(formId: state.id)
        for line in HistoryText.lines(state, entries) { Output.line(line) }
        return 0
    }
}
