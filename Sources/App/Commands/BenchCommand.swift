import Benchmarks
import Glibc
import Ledger

/// `bsd-ledger bench ledger [--quick] [--durability MODE] [--postgres-rate N] [--folder DIR]`.
struct BenchCommand {
    let configuration: LedgerBenchmark.Configuration

    init(options: inout Options) throws {
        guard options.positional() == "ledger" else {
            throw UsageError(message: "usage: bench ledger [options]")
        }
        var configuration = LedgerBenchmark.Configuration(
            folder: try options.value("folder") ?? "/tmp/bsd-ledger-bench")
        configuration.quick = options.flag("quick")
        if let only = try options.value("only") {
            configuration.only = Set(only.split(separator: ",").map(String.init))
        }
        if let mode = try options.value("durability") {
            guard let durability = LedgerOptions.Durability(rawValue: mode) else {
                throw UsageError(message: "unknown durability \(mode): full, noMetaSync or noSync")
            }
            configuration.durability = durability
        }
        if let rate = try options.value("postgres-rate") {
            configuration.postgresRate = Double(rate)
        }
        try options.finish()
        self.configuration = configuration
    }

    func run() throws -> Int32 {
        var benchmark = LedgerBenchmark(configuration)
        try benchmark.run()
        return 0
    }
}
