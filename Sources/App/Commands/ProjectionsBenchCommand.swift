import Benchmarks
import CanonicalJSON
import Glibc
import Ledger
import Projections

/// `bsd-ledger bench-projections [--data DIR] [--events N] [--queries N] [--parallel W]
/// [--queries-only]`: generates a log (or tops one up) through the command service, then
/// measures in one run a raw LMDB scan of the log, the forms projection's rebuild of the same
/// log, and `forms` latency; prints a table and one JSON line. `--queries-only` measures
/// `forms` latency and the RSS of a process that only opened the ledger and served them,
/// as a server would.
struct ProjectionsBenchCommand {
    let folder: String
    let events: Int
    let queries: Int
    let parallel: Int
    let queriesOnly: Bool

    init(options: inout Options) throws {
        folder = try options.value("data") ?? "/tmp/bsd-ledger-bench-projections"
        guard let events = Int(try options.value("events") ?? "1000000"),
            let queries = Int(try options.value("queries") ?? "2000"),
            let parallel = Int(try options.value("parallel") ?? "8"), events > 0, queries > 0
        else { throw UsageError(message: "--events, --queries and --parallel are numbers") }
        queriesOnly = options.flag("queries-only")
        try options.finish()
        (self.events, self.queries, self.parallel) = (events, queries, parallel)
    }

    func run() throws -> Int32 {
        guard !queriesOnly else { return try serveQueries() }
        var summary: [String: JSONValue] = [:]
        let generated = try generate()
        summary["generatedCommandsPerSecond"] = .int(Int64(generated))
        var raw = RawLogScan.scan(path: folder)
        for _ in 0..<2 {
            let again = RawLogScan.scan(path: folder)
            if again.seconds < raw.seconds { raw = again }
        }
        let rawRate = Double(raw.records) / raw.seconds
        var options = LedgerOptions()
        options.durability = .noSync
        options.projections = [FormsProjection()]
        let ledger = try Ledger(path: folder, options: options)
        defer { ledger.close() }
        let report = try ProjectionRebuilder(ledger: ledger, logger: options.logger).rebuild()
        let rebuildRate = Double(report.events) / report.seconds
        let forms = try countForms(ledger)
        let latencies = try measureForms(ledger)
        let rss = Self.resident()
        summary["events"] = .int(Int64(raw.records))
        summary["forms"] = .int(Int64(forms))
        summary["rawScanEventsPerSecond"] = .int(Int64(rawRate))
        summary["rebuildEventsPerSecond"] = .int(Int64(rebuildRate))
        summary["rebuildSeconds"] = .double((report.seconds * 1000).rounded() / 1000)
        summary["rebuildToRawScan"] = .double((rebuildRate / rawRate * 1000).rounded() / 1000)
        summary["formsP50Milliseconds"] = .double(latencies.p50)
        summary["formsP99Milliseconds"] = .double(latencies.p99)
        summary["rssMegabytes"] = .int(Int64(rss.total))
        summary["rssAnonMegabytes"] = .int(Int64(rss.anonymous))
        summary["rssFileMegabytes"] = .int(Int64(rss.mappedFile))
        printTable(raw: raw, rawRate: rawRate, rebuildRate: rebuildRate, latencies, rss, forms)
        Output.line(
            String(decoding: CanonicalJSON.encode(JSONValue.object(summary)), as: UTF8.self))
        return 0
    }

    /// Opens the ledger as a server would, answers `forms` pages, and reports latency and
    /// the RSS it took.
    private func serveQueries() throws -> Int32 {
        let ledger = try ProjectionRebuilder.openLedger(path: folder)
        defer { ledger.close() }
        let latencies = try measureForms(ledger)
        let rss = Self.resident()
        Output.line("forms p50 \(latencies.p50) ms, p99 \(latencies.p99) ms, \(rss.text)")
        let summary: [String: JSONValue] = [
            "serverFormsP50Milliseconds": .double(latencies.p50),
            "serverFormsP99Milliseconds": .double(latencies.p99),
            "serverRssMegabytes": .int(Int64(rss.total)),
            "serverRssAnonMegabytes": .int(Int64(rss.anonymous)),
            "serverRssFileMegabytes": .int(Int64(rss.mappedFile)),
        ]
        Output.line(
            String(decoding: CanonicalJSON.encode(JSONValue.object(summary)), as: UTF8.self))
        return 0
    }

    /// Appends generated commands until the log holds `events` events; returns commands/s.
    private func generate() throws -> Int {
        var options = LedgerOptions()
        options.durability = .noSync
        let ledger = try ProjectionRebuilder.openLedger(path: folder, options: options)
        defer { ledger.close() }
        let have = Int(try ledger.head().position)
        guard have < events else { return 0 }
        // About 1.16 events per generated command.
        let commands = (events - have) * 100 / 116 + 1
        let start = Self.now()
        _ = try GenerateCommand.runConcurrently(
            seed: UInt64(have + 1), companies: 200, commands: commands, width: parallel,
            service: FormCommands(ledger: ledger))
        return Int(Double(commands) / (Self.now() - start))
    }

    private func countForms(_ ledger: Ledger) throws -> Int {
        var count = 0
        try ledger.scan(after: 0) { view in
            if view.streamVersion == 0 && view.streamIDBytes.starts(with: Array("form-".utf8)) {
                count += 1
            }
            return true
        }
        return count
    }

    /// `forms` pages of 50 for random companies and filters, read through the Swift query
    /// function, each call timed alone (a next page included); latency percentiles in
    /// milliseconds.
    private func measureForms(_ ledger: Ledger) throws -> (p50: Double, p99: Double) {
        let service = FormQueries(ledger: ledger)
        let sirets = WorkloadGenerator(seed: 1, companies: 200).sirets
        var random = SeededRandom(seed: 42)
        var times: [Double] = []
        for index in 0..<queries {
            let siret = sirets[Int(random.next() % UInt64(sirets.count))]
            var filter = FormsFilter(siret: siret)
            switch index % 4 {
            case 1: filter.status = [.processed]
            case 2: filter.hasNextStep = true
            case 3: filter.roles = [.transporter]
            default: break
            }
            var start = Self.now()
            let page = try service.forms(filter, companies: [siret])
            times.append((Self.now() - start) * 1000)
            // Every eighth query also reads the next page, timed as a query of its own.
            if let last = page.last, index % 8 == 0 {
                filter.cursorAfter = last.id
                start = Self.now()
                _ = try service.forms(filter, companies: [siret])
                times.append((Self.now() - start) * 1000)
            }
        }
        times.sort()
        func percentile(_ p: Double) -> Double {
            (times[min(times.count - 1, Int(Double(times.count) * p))] * 1000).rounded() / 1000
        }
        return (percentile(0.5), percentile(0.99))
    }
}
