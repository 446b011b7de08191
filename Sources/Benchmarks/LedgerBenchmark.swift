import CanonicalJSON
import Foundation
import Ledger

/// `tools/bench ledger`: the ledger beside raw LMDB, the payload codec beside Foundation, and
/// 64 concurrent appenders beside PostgreSQL's rate (measured by the script in the same run).
public struct LedgerBenchmark {
    /// What to run.
    public struct Configuration: Sendable {
        /// Smaller counts, for a smoke run.
        public var quick = false
        /// Sync mode of both the ledger and the raw baseline.
        public var durability: LedgerOptions.Durability = .full
        /// PostgreSQL's events/s for 64 concurrent single-event inserts, if measured.
        public var postgresRate: Double?
        /// When set, only the measures named here run (append1, append100, append1000, merkle,
        /// proofs, decode, validate, concurrent64).
        public var only: Set<String>?
        /// Where temporary LMDB environments go.
        public var folder: String

        /// A configuration writing under `folder`.
        public init(folder: String) {
            self.folder = folder
        }
    }

    let configuration: Configuration
    var rows: [BenchRow] = []
    var summary: [String: JSONValue] = [:]

    /// The payload the benchmark appends, as canonical JSON text (the PostgreSQL baseline
    /// inserts the same one).
    public static var samplePayload: String {
        String(decoding: CanonicalJSON.encode(BenchPayload.sample(1)), as: UTF8.self)
    }

    /// Prepares a run.
    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// Runs every measurement, prints the table, then one JSON line.
    public mutating func run() throws {
        let scale = configuration.quick ? 10 : 1
        let payloads = (0..<20_000).map {
            CanonicalJSON.encode(BenchPayload.sample($0), capacity: 512)
        }
        let decodePayloads = (0..<2_000).map {
            CanonicalJSON.encode(BenchPayload.full($0), capacity: 640)
        }
        summary["durability"] = .string(configuration.durability.rawValue)
        summary["payloadBytes"] = .int(Int64(payloads[0].count))
        summary["decodePayloadBytes"] = .int(Int64(decodePayloads[0].count))
        summary["syncLatencyMicroseconds"] = .double((syncLatency() * 1e6).rounded())
        func wanted(_ name: String) -> Bool { configuration.only?.contains(name) ?? true }
        if wanted("append1") { try appends(payloads, perCommit: 1, commits: 2_000 / scale) }
        if wanted("append100") { try appends(payloads, perCommit: 100, commits: 200 / scale) }
        if wanted("append1000") { try appends(payloads, perCommit: 1_000, commits: 100 / scale) }
        if wanted("merkle") { try merkleAppends(payloads, commits: 100 / scale) }
        if wanted("proofs") {
            try inclusionProofs(events: 1_000_000 / scale, proofs: 200_000 / scale)
        }
        if wanted("decode") { try decode(decodePayloads, rounds: 10 / min(scale, 10)) }
        if wanted("validate") { try validate(decodePayloads, rounds: 10 / min(scale, 10)) }
        if wanted("concurrent64") { try concurrent(payloads, appenders: 64, each: 400 / scale) }
        BenchRow.printTable(rows)
        print(String(decoding: CanonicalJSON.encode(JSONValue.object(summary)), as: UTF8.self))
    }

    func options() -> LedgerOptions {
        var options = LedgerOptions()
        options.durability = configuration.durability
        return options
    }

    func freshFolder(_ name: String) -> String {
        let path = configuration.folder + "/" + name
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func events(_ payloads: [[UInt8]], from start: Int, count: Int) -> [NewEvent] {
        (start..<start + count).map { index in
            NewEvent(
                id: .timeOrdered(microseconds: Timestamp.now()), type: "FormSealed",
                payload: payloads[index % payloads.count],
                metadata: EventMetadata(correlationID: "bench", actingUser: "user-1"))
        }
    }

    /// Microseconds for one 4 KiB write plus fdatasync in the benchmark folder (median of 200).
    func syncLatency() -> Double {
        let path = freshFolder("sync") + "/probe"
        let descriptor = open(path, O_CREAT | O_WRONLY, 0o644)
        defer { close(descriptor) }
        let block = [UInt8](repeating: 7, count: 4096)
        var samples: [Double] = []
        for _ in 0..<200 {
            samples.append(
                Stopwatch.time {
                    _ = block.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, 4096, 0) }
                    fdatasync(descriptor)
                })
        }
        return samples.sorted()[samples.count / 2]
    }
}
