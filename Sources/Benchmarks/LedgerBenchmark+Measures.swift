import CLMDB
import CanonicalJSON
import Foundation
import Ledger
import Synchronization

extension LedgerBenchmark {
    /// Durable appends at `perCommit` events per commit, beside raw puts of the same payloads;
    /// after the 1 000-per-commit run, full scans of both. The two alternate in five rounds so
    /// that the disk's drift during the run weighs on both alike.
    mutating func appends(_ payloads: [[UInt8]], perCommit: Int, commits: Int) throws {
        let total = perCommit * commits
        let rawFolder = freshFolder("raw-\(perCommit)")
        let raw = RawLMDB(path: rawFolder, flags: options().durability == .full ? 0 : rawFlags())
        let values = (0..<total).map { payloads[$0 % payloads.count] }
        let ledger = try Ledger(path: freshFolder("ledger-\(perCommit)"), options: options())
        defer { ledger.close() }
        let batches = (0..<commits).map { events(payloads, from: $0 * perCommit, count: perCommit) }
        var rawSeconds = 0.0
        var oursSeconds = 0.0
        let rounds = 5
        for round in 0..<rounds {
            let commitRange = (commits * round / rounds)..<(commits * (round + 1) / rounds)
            let valueRange =
                (commitRange.lowerBound * perCommit)..<(commitRange.upperBound * perCommit)
            rawSeconds += Stopwatch.time { raw.put(values[valueRange], perCommit: perCommit) }
            oursSeconds += try Stopwatch.time {
                for index in commitRange {
                    _ = try ledger.appendWaiting(
                        batches[index], to: "bench-\(index)", expected: .noStream)
                }
            }
        }
        let key = "append\(perCommit)"
        record(
            key, label: "append, \(perCommit)/commit", ours: Double(total) / oursSeconds,
            baseline: Double(total) / rawSeconds, baselineName: "raw LMDB")
        if perCommit == 1_000 { try scans(ledger: ledger, raw: raw, total: total) }
    }

    private func rawFlags() -> UInt32 {
        configuration.durability == .noSync ? UInt32(MDB_NOSYNC) : UInt32(MDB_NOMETASYNC)
    }

    /// The ledger's zero-copy scan beside a raw cursor scan; best of five each.
    mutating func scans(ledger: Ledger, raw: RawLMDB, total: Int) throws {
        var oursBest = Double.infinity
        var rawBest = Double.infinity
        var checksum = 0
        for _ in 0..<5 {
            rawBest = min(rawBest, Stopwatch.time { checksum &+= raw.scan() })
            oursBest = min(
                oursBest,
                try Stopwatch.time {
                    try ledger.scan(after: 0) { view in
                        let payload = view.payload
                        checksum &+= Int(payload[payload.count - 1]) + payload.count
                        return true
                    }
                })
        }
        precondition(checksum != 0, "scans read nothing")
        record(
            "scan", label: "full read scan", ours: Double(total) / oursBest,
            baseline: Double(total) / rawBest, baselineName: "raw cursor")
    }

    /// Decoding payloads into typed values on one core: our reader beside Foundation's.
    mutating func decode(_ payloads: [[UInt8]], rounds: Int) throws {
        let sample = Array(payloads.prefix(2_000))
        let data = sample.map { Data($0) }
        let decoder = JSONDecoder()
        var check = 0
        var oursSeconds = 0.0
        var foundationSeconds = 0.0
        // Alternate the two so that other load on the machine weighs on both alike; Foundation
        // decodes a fifth as many documents per round because it is that much slower.
        for _ in 0..<rounds {
            oursSeconds += try Stopwatch.time {
                for bytes in sample {
                    check &+= Int(try CanonicalJSON.decode(BenchPayload.self, from: bytes).quantity)
                }
            }
            foundationSeconds += try Stopwatch.time {
                for bytes in data.prefix(sample.count / 5) {
                    check &+= Int(try decoder.decode(BenchPayload.self, from: bytes).quantity)
                }
            }
        }
        let oursFirst = try CanonicalJSON.decode(BenchPayload.self, from: sample[0])
        let foundationFirst = try decoder.decode(BenchPayload.self, from: data[0])
        precondition(oursFirst == foundationFirst, "the two decoders disagree")
        let ours = Double(rounds * sample.count) / oursSeconds
        let foundation = Double(rounds * (sample.count / 5)) / foundationSeconds
        record(
            "decode", label: "payload decode, 1 core", ours: ours, baseline: foundation,
            baselineName: "JSONDecoder")
    }

    /// The canonical-form check every append runs on its payloads, on one core.
    mutating func validate(_ payloads: [[UInt8]], rounds: Int) throws {
        let sample = Array(payloads.prefix(2_000))
        let seconds = try Stopwatch.time {
            for _ in 0..<rounds {
                for bytes in sample { try CanonicalJSON.validate(bytes) }
            }
        }
        let rate = Double(rounds * sample.count) / seconds
        record(
            "validate", label: "payload canonical check", ours: rate, baseline: nil,
            baselineName: "-")
    }

    /// `appenders` threads each appending one event at a time, durably.
    mutating func concurrent(_ payloads: [[UInt8]], appenders: Int, each: Int) throws {
        let ledger = try Ledger(path: freshFolder("concurrent"), options: options())
        defer { ledger.close() }
        let perThread = (0..<appenders).map { events(payloads, from: $0 * each, count: each) }
        let failures = Mutex(0)
        let seconds = Stopwatch.time {
            let group = DispatchGroup()
            for (index, batch) in perThread.enumerated() {
                group.enter()
                let thread = Thread {
                    for event in batch
                    where (try? ledger.appendWaiting([event], to: "c-\(index)", expected: .any))
                        == nil
                    {
                        failures.withLock { $0 += 1 }
                    }
                    group.leave()
                }
                thread.stackSize = 1 << 20
                thread.start()
            }
            group.wait()
        }
        precondition(failures.withLock { $0 } == 0, "concurrent appends failed")
        let rate = Double(appenders * each) / seconds
        let perCommit = ledger.statistics.snapshot.eventsPerCommit
        summary["concurrentEventsPerCommit"] = .double((perCommit * 10).rounded() / 10)
        if let postgres = configuration.postgresRate {
            record(
                "concurrent64", label: "64 appenders, 1 event each", ours: rate, baseline: postgres,
                baselineName: "PostgreSQL 15")
        } else {
            record(
                "concurrent64", label: "64 appenders, 1 event each", ours: rate, baseline: nil,
                baselineName: "PostgreSQL (not run)")
        }
    }

    mutating func record(
        _ key: String, label: String, ours: Double, baseline: Double?, baselineName: String
    ) {
        rows.append(
            BenchRow(label: label, ours: ours, baselineName: baselineName, baseline: baseline))
        var entry: [String: JSONValue] = ["eventsPerSecond": .int(Int64(ours))]
        if let baseline {
            entry["baseline"] = .int(Int64(baseline))
            entry["ratio"] = .double((ours / baseline * 1000).rounded() / 1000)
        }
        summary[key] = .object(entry)
    }
}
