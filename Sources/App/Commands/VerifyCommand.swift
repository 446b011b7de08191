import Ledger

/// `bsd-ledger verify --data DIR [--head OLD.json [--head NEW.json]]`: walks the whole log
/// and rebuilds the Merkle tree beside the stored one; exits 1 naming the first bad
/// position. With saved heads, then checks them (``SavedHeadsCheck``): one head against the
/// log as it is now, two heads against each other.
struct VerifyCommand {
    let folder: String
    let heads: SavedHeadsCheck?

    init(options: inout Options) throws {
        folder = try options.dataFolder()
        heads = try SavedHeadsCheck.options(&options)
        try options.finish()
    }

    func run() throws -> Int32 {
        let ledger = try Ledger(path: folder)
        defer { ledger.close() }
        let report = try ledger.verify { count in Output.error("verified \(count) events…") }
        if let problem = report.problem {
            Output.line("FAILED at position \(problem.position): \(problem.reason)")
            Output.line("events verified before it: \(report.eventsChecked)")
            return 1
        }
        Output.line(
            "OK: \(report.eventsChecked) events in \(report.streams) streams,"
                + " head hash \(report.headHash), Merkle root \(report.treeRoot)"
        )
        guard let heads else { return 0 }
        return try check(heads, ledger)
    }

    private func check(_ heads: SavedHeadsCheck, _ ledger: Ledger) throws -> Int32 {
        guard let key = try SavedHeadsCheck.key(in: folder) else {
            return SavedHeadsCheck.noKey(folder)
        }
        return try heads.report(key: key, ledger: ledger)
    }
}
