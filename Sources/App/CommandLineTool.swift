import Benchmarks
import Glibc
import Ledger

/// Dispatches `bsd-ledger COMMAND [options]` and turns failures into messages and exit codes.
enum CommandLineTool {
    static let usage = """
        usage: bsd-ledger COMMAND [options]

        commands:
          serve [--listen HOST:PORT] [--data DIR] [--log-level LEVEL] [--requests-per-minute N]
                [--webhook-allow-host HOST]... [--webhooks-per-company N]
                [--webhook-retry-ms A,B,...] [--webhook-timeout-ms N]
                [--subscription-init-timeout-ms N] [--subscriber-buffer N]
                [--road-control-link-lifetime SECONDS]
                                 serve the API (default 127.0.0.1:4000, ./data) until SIGTERM
          verify --data DIR [--head OLD.json [--head NEW.json]]
                                 walk the whole log: positions, versions, hashes, indexes,
                                 the Merkle tree; then each saved head's signature and that
                                 the log extends OLD's tree (to NEW's, or to the log's now)
          head --data DIR [--size N]
                                 the signed tree head (now, or the one signed at size N)
          key --data DIR         the public tree-head key (as at /.well-known/bsd-ledger-key)
          export-history READABLE_ID --data DIR --out FILE [--since-size N]
                                 one BSD's history bundle: events, inclusion proofs, signed head
          verify-bundle FILE --key KEY [--earlier-head HEAD.json]
                                 check a history bundle offline (KEY: key file or hex)
          verify-consistency OLD_HEAD.json NEW_HEAD.json --data DIR
                                 verify --head OLD --head NEW without the walk of the log
          stats --data DIR       counts of events, streams and types; head hash; sizes
          export --data DIR [--after POSITION] [--limit N]
                                 each event as a JSON line: envelope, hash, previous hash
          rebuild --data DIR [--projection forms] [--verify]
                                 replay the log into fresh projection databases, then switch
                                 (--verify: compare them with the live ones)
          history READABLE_ID --data DIR
                                 every event of one BSD, with who, when and what changed
          register --data DIR --siret S --type INCOMING|OUTGOING|TRANSPORTED|MANAGED|ALL
                   --from yyyy-MM-dd --to yyyy-MM-dd --format csv|xlsx --out FILE
                                 a company's register for a date range (--to excluded)
          inspector add --data DIR --email E [--name N] [--password P] --allow-ip CIDR...
                        [--company SIRET...]
                                 make E an inspector (creating the account; a generated
                                 password is printed), requests allowed from the networks
          inspector list --data DIR | inspector revoke --data DIR --email E
          generate --data DIR --seed N --commands N [--companies N] [--parallel W]
                   [--durability full|noMetaSync|noSync]
                                 append a generated workload of BSD commands
          bench-projections [--data DIR] [--events N] [--queries N] [--parallel W]
                                 the projections benchmark (tools/bench projections)
          bench ledger [--quick] [--durability full|noMetaSync|noSync] [--no-postgres]
                                 the ledger benchmark (tools/bench ledger)
        """

    /// Runs the command and returns the process exit status.
    static func run(_ arguments: [String]) -> Int32 {
        guard let command = arguments.first else {
            Output.error(usage)
            return 2
        }
        var options = Options(Array(arguments.dropFirst()))
        do {
            switch command {
            case "serve": return try ServeCommand(options: &options).run()
            case "verify": return try VerifyCommand(options: &options).run()
            case "head": return try HeadCommand(options: &options).run()
            case "key": return try KeyCommand(options: &options).run()
            case "export-history": return try ExportHistoryCommand(options: &options).run()
            case "verify-bundle": return try VerifyBundleCommand(options: &options).run()
            case "verify-consistency":
                return try VerifyConsistencyCommand(options: &options).run()
            case "stats": return try StatsCommand(options: &options).run()
            case "export": return try ExportCommand(options: &options).run()
            case "rebuild": return try RebuildCommand(options: &options).run()
            case "history": return try HistoryCommand(options: &options).run()
            case "register": return try RegisterCommand(options: &options).run()
            case "inspector": return try InspectorCommand(options: &options).run()
            case "generate": return try GenerateCommand(options: &options).run()
            case "bench-projections": return try ProjectionsBenchCommand(options: &options).run()
            case "crash-writer": return try CrashWriterCommand(options: &options).run()
            case "bench": return try BenchCommand(options: &options).run()
            case "hello-server": return try HelloServerCommand(options: &options).run()
            case "bench-payload":
                Output.line(LedgerBenchmark.samplePayload)
                return 0
            case "help", "--help", "-h":
                Output.line(usage)
                return 0
            default:
                Output.error("unknown command \(command)\n\(usage)")
                return 2
            }
        } catch let error as UsageError {
            Output.error("bsd-ledger \(command): \(error.message)")
            return 2
        } catch {
            Output.error("bsd-ledger \(command): \(error)")
            return 1
        }
    }
}

/// A mistake in the command line.
struct UsageError: Error {
    var message: String
}

/// The command's options: `--name value` pairs and `--flag` switches.
struct Options {
    private var remaining: [String]

    init(_ arguments: [String]) {
        remaining = arguments
    }

    /// Removes and returns the value of `--name`, or nil when absent.
    mutating func value(_ name: String) throws -> String? {
        guard let index = remaining.firstIndex(of: "--\(name)") else { return nil }
        guard index + 1 < remaining.count else {
            throw UsageError(message: "--\(name) needs a value")
        }
        let value = remaining[index + 1]
        remaining.removeSubrange(index...index + 1)
        return value
    }

    /// Removes `--name` and says whether it was there.
    mutating func flag(_ name: String) -> Bool {
        guard let index = remaining.firstIndex(of: "--\(name)") else { return false }
        remaining.remove(at: index)
        return true
    }

    /// Removes and returns the next positional argument.
    mutating func positional() -> String? {
        guard let index = remaining.firstIndex(where: { !$0.hasPrefix("--") }) else { return nil }
        return remaining.remove(at: index)
    }

    /// The data folder from `--data` or `BSD_LEDGER_DATA`, else `./data`.
    mutating func dataFolder() throws -> String {
        if let folder = try value("data") { return folder }
        if let folder = getenv("BSD_LEDGER_DATA") { return String(cString: folder) }
        return "data"
    }

    /// Fails on anything left over.
    func finish() throws {
        if let extra = remaining.first { throw UsageError(message: "unexpected argument \(extra)") }
    }
}

/// Unbuffered output, so lines reach pipes at once (the crash test depends on it).
enum Output {
    static func line(_ text: String) { write(1, text + "\n") }
    static func error(_ text: String) { write(2, text + "\n") }

    private static func write(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes {
                Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
            }
            if written <= 0 { return }
            offset += written
        }
    }
}
