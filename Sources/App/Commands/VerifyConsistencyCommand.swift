import Ledger

/// `bsd-ledger verify-consistency OLD_HEAD.json NEW_HEAD.json --data DIR`: the check of
/// `verify --head OLD --head NEW` without the walk of the whole log (``SavedHeadsCheck``).
/// It writes nothing: a folder without a key fails instead of getting one.
struct VerifyConsistencyCommand {
    let folder: String
    let check: SavedHeadsCheck

    init(options: inout Options) throws {
        folder = try options.dataFolder()
        guard let oldPath = options.positional(), let newPath = options.positional() else {
            throw UsageError(message: "give the old head's file, then the new head's")
        }
        check = SavedHeadsCheck(paths: [oldPath, newPath])
        try options.finish()
    }

    func run() throws -> Int32 {
        guard let key = try SavedHeadsCheck.key(in: folder) else {
            return SavedHeadsCheck.noKey(folder)
        }
        let ledger = try Ledger(path: folder)
        defer { ledger.close() }
        return try check.report(key: key, ledger: ledger)
    }
}
