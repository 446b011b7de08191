import Ledger

/// `bsd-ledger verify --data DIR`: walks the whole log and rebuilds the Merkle tree beside the
/// stored one; exits 1 naming the first bad position.
struct VerifyCommand {
    let folder: String

    init(options: inout Options) throws {
        folder = try options.dataFolder()
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
        return 0
    }
}
