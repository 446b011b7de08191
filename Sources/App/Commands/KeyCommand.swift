import Audit
import CanonicalJSON
import Logging

/// `bsd-ledger key --data DIR`: prints the public tree-head key as JSON (created when the
/// folder has none yet), the same document as `GET /.well-known/bsd-ledger-key`.
struct KeyCommand {
    let folder: String

    init(options: inout Options) throws {
        folder = try options.dataFolder()
        try options.finish()
    }

    func run() throws -> Int32 {
        let key = try SigningKey.loadOrCreate(in: folder, logger: Logger.discarding(label: "key"))
        Output.line(String(decoding: CanonicalJSON.encode(key.verifyingKey.json), as: UTF8.self))
        return 0
    }
}
