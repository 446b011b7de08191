import Audit
import CanonicalJSON
import Ledger
import Logging

/// `bsd-ledger head --data DIR [--size N]`: prints the signed tree head as JSON. Without
/// `--size`, the head of the log as it is now (signed now when the latest is older).
struct HeadCommand {
    let folder: String
    let size: UInt64?

    init(options: inout Options) throws {
        folder = try options.dataFolder()
        if let text = try options.value("size") {
            guard let size = UInt64(text) else { throw UsageError(message: "--size takes a count") }
            self.size = size
        } else {
            size = nil
        }
        try options.finish()
    }

    func run() throws -> Int32 {
        let ledger = try Ledger(path: folder)
        defer { ledger.close() }
        let heads = try TreeHeads(
            ledger: ledger, folder: folder, logger: Logger.discarding(label: "head"))
        let head: SignedTreeHead
        if let size {
            guard let found = try heads.head(size: size) else {
                Output.error("no tree head was signed at size \(size)")
                return 1
            }
            head = found
        } else {
            head = try heads.signCurrent()
        }
        Output.line(String(decoding: head.jsonBytes, as: UTF8.self))
        return 0
    }
}
