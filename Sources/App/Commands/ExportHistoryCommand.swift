import Audit
import CanonicalJSON
import Domain
import Foundation
import Ledger
import Logging
import Projections

/// `bsd-ledger export-history READABLE_ID --data DIR --out FILE [--since-size N]`: writes
/// the BSD's history bundle (events, inclusion proofs, signed head; with `--since-size`, the
/// consistency proof from that earlier tree size).
struct ExportHistoryCommand {
    let folder: String
    let readableId: String
    let output: String
    let sinceSize: UInt64?

    init(options: inout Options) throws {
        folder = try options.dataFolder()
        guard let output = try options.value("out") else {
            throw UsageError(message: "--out FILE is required")
        }
        self.output = output
        if let text = try options.value("since-size") {
            guard let size = UInt64(text) else {
                throw UsageError(message: "--since-size takes a tree size")
            }
            sinceSize = size
        } else {
            sinceSize = nil
        }
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
            try reader.formId(readableId: readableId)
        }
        guard let formId = found else {
            Output.error("no BSD \(readableId)")
            return 1
        }
        let heads = try TreeHeads(
            ledger: ledger, folder: folder, logger: Logger.discarding(label: "export-history"))
        let subject = HistoryBundle.Subject(formId: formId, readableId: readableId)
        let bundle = try HistoryBundle.make(
            subject, ledger: ledger, heads: heads, sinceSize: sinceSize)
        try Data(CanonicalJSON.encode(bundle)).write(to: URL(fileURLWithPath: output))
        Output.line("wrote the history of \(readableId) to \(output)")
        return 0
    }
}
