import Dispatch
import Ledger
import Projections

/// `bsd-ledger generate --data DIR --seed N --commands N [--companies N] [--parallel W]
/// [--durability MODE]`: appends a generated workload through the command service.
struct GenerateCommand {
    let folder: String
    let seed: UInt64
    let commands: Int
    let companies: Int
    let parallel: Int
    let durability: LedgerOptions.Durability

    init(options: inout Options) throws {
        folder = try options.dataFolder()
        seed = UInt64(try options.value("seed") ?? "1") ?? 1
        guard let commands = Int(try options.value("commands") ?? "1000"), commands > 0,
            let companies = Int(try options.value("companies") ?? "50"), companies >= 5,
            let parallel = Int(try options.value("parallel") ?? "1"), parallel >= 1
        else {
            throw UsageError(message: "--commands, --companies (≥ 5), --parallel are numbers")
        }
        let mode = try options.value("durability") ?? "full"
        guard let durability = LedgerOptions.Durability(rawValue: mode) else {
            throw UsageError(message: "--durability is full, noMetaSync or noSync")
        }
        try options.finish()
        (self.commands, self.companies, self.parallel) = (commands, companies, parallel)
        self.durability = durability
    }

    func run() throws -> Int32 {
        var options = LedgerOptions()
        options.durability = durability
        let ledger = try ProjectionRebuilder.openLedger(path: folder, options: options)
        defer { ledger.close() }
        let service = FormCommands(ledger: ledger)
        let report: WorkloadReport
        if parallel == 1 {
            var generator = WorkloadGenerator(seed: seed, companies: companies)
            report = try generator.run(commands: commands, on: service) { done in
                Output.error("generate: \(done) commands")
            }
        } else {
            report = try Self.runConcurrently(
                seed: seed, companies: companies, commands: commands, width: parallel,
                service: service)
        }
        let sirets = WorkloadGenerator(seed: seed, companies: companies).sirets
        Output.line("companies: " + sirets.joined(separator: ","))
        Output.line(
            "generated \(report.commands) commands, \(report.events) events "
                + "(seed \(seed), head \(try ledger.head().position))")
        return 0
    }

    /// Runs a workload with `width` commands in flight, from this plain thread.
    static func runConcurrently(
        seed: UInt64, companies: Int, commands count: Int, width: Int, service: FormCommands
    ) throws -> WorkloadReport {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        Task {
            var generator = WorkloadGenerator(seed: seed, companies: companies)
            do throws(FormCommandError) {
                box.set(
                    .success(
                        try await WorkloadRunner(width: width).run(
                            &generator, commands: count, on: service)))
            } catch {
                box.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return try box.get()
    }
}
