import Ledger

/// `bsd-ledger export --data DIR [--after POSITION] [--limit N]`: prints each event's
/// envelope as one canonical JSON line, with its hash, for auditors' own tools (jq, Python).
struct ExportCommand {
    let folder: String
    let after: UInt64
    let limit: Int

    init(options: inout Options) throws {
        folder = try options.dataFolder()
        guard let after = UInt64(try options.value("after") ?? "0") else {
            throw UsageError(message: "--after takes a ledger position")
        }
        guard let limit = Int(try options.value("limit") ?? String(Int.max)), limit >= 0 else {
            throw UsageError(message: "--limit takes a count")
        }
        self.after = after
        self.limit = limit
        try options.finish()
    }

    func run() throws -> Int32 {
        let ledger = try Ledger(path: folder)
        defer { ledger.close() }
        try ledger.scan(after: after, limit: limit) { view in
            // The stored envelope is already canonical JSON: add the chain fields around it.
            let envelope = String(decoding: view.envelope, as: UTF8.self)
            let previous = Hash(bytes: Array(view.previousHashBytes))
            let hash = Hash(bytes: Array(view.hashBytes))
            Output.line(
                "{\"envelope\":\(envelope),\"hash\":\"\(hash)\",\"previousHash\":\"\(previous)\"}")
            return true
        }
        return 0
    }
}
