import Ledger
import Logging
import Projections

/// `bsd-ledger rebuild --data DIR [--projection NAME]`: replays the log into fresh
/// projection databases and switches to them.
struct RebuildCommand {
    let folder: String
    let projection: String

    init(options: inout Options) throws {
        folder = try options.dataFolder()
        projection = try options.value("projection") ?? FormsProjection.projectionName
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
        let report = try ProjectionRebuilder(ledger: ledger, logger: options.logger)
            .rebuild { display.show($0) }
        display.finish()
        let rate = report.seconds > 0 ? Int(Double(report.events) / report.seconds) : 0
        Output.line(
            "rebuilt \(report.projection): \(report.events) events in "
                + "\(Int(report.seconds * 1000)) ms (\(rate) events/s), slot \(report.slot)")
        return 0
    }
}
