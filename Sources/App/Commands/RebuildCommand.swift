import Ledger
import Logging
import Projections

/// `bsd-ledger rebuild --data DIR [--projection NAME] [--verify]`: replays the log into
/// fresh projection databases and switches to them; `--verify` then compares them with the
/// databases the live appends wrote (exit status 1 when they differ).
struct RebuildCommand {
    let folder: String
    let projection: String
    let verify: Bool

    init(options: inout Options) throws {
        folder = try options.dataFolder()
        projection = try options.value("projection") ?? FormsProjection.projectionName
        verify = options.flag("verify")
        try options.finish()
        guard ProjectionRebuilder.projectionNames.contains(projection) else {
            let known = ProjectionRebuilder.projectionNames.joined(separator: ", ")
            throw UsageError(message: "unknown projection \(projection) (known: \(known))")
        }
    }

    func run() throws -> Int32 {
        var options = LedgerOptions()
        options.logger = Logger(label: "bsd-ledger", handler: StandardErrorLogHandler())
        options.projections = [FormsProjection()]
        let ledger = try Ledger(path: folder, options: options)
        defer { ledger.close() }
        let display = ProgressDisplay()
        let rebuilder = ProjectionRebuilder(ledger: ledger, logger: options.logger)
        let report = try rebuilder.rebuild { display.show($0) }
        display.finish()
        let rate = report.seconds > 0 ? Int(Double(report.events) / report.seconds) : 0
        Output.line(
            "rebuilt \(report.projection): \(report.events) events in "
                + "\(Int(report.seconds * 1000)) ms (\(rate) events/s), slot \(report.slot)")
        guard verify else { return 0 }
        guard report.previousVersion == FormsProjection.version else {
            Output.line(
                "verify: the previous databases were of another version; nothing to compare")
            return 0
        }
        var differing = 0
        for comparison in try rebuilder.compareSlots() {
            differing += comparison.differing
            Output.line(
                "verify \(comparison.database): \(comparison.active) rebuilt, "
                    + "\(comparison.other) live, \(comparison.differing) differing")
        }
        return differing == 0 ? 0 : 1
    }
}
