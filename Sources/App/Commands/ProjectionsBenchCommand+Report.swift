import Benchmarks
import Glibc

extension ProjectionsBenchCommand {
    func printTable(
        raw: RawLogScan.Result, rawRate: Double, rebuildRate: Double,
        _ latencies: (p50: Double, p99: Double), _ rss: Int, _ forms: Int
    ) {
        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
        }
        Output.line("log: \(raw.records) events, \(forms) BSDs, \(raw.bytes / 1_048_576) MiB")
        Output.line(
            "generated with noSync durability (no fsync per commit); the raw scan and the "
                + "rebuild read that same log, the rebuild with noSync too")
        Output.line(pad("measure", 34) + pad("value", 16) + "target")
        let rows = [
            ("raw LMDB scan (events/s)", String(Int(rawRate)), "-"),
            ("rebuild (events/s)", String(Int(rebuildRate)), "≥ 200000"),
            ("rebuild / raw scan", String(format: "%.3f", rebuildRate / rawRate), "≥ 0.25"),
            ("forms p50 (ms)", String(latencies.p50), "-"),
            ("forms p99 (ms)", String(latencies.p99), "≤ 5 at 1 M BSDs"),
            ("RSS (MB)", String(rss), "≤ 300"),
        ]
        for (label, value, target) in rows {
            Output.line(pad(label, 34) + pad(value, 16) + target)
        }
    }

    /// The resident set size of this process, from /proc/self/status.
    static func residentMegabytes() -> Int {
        guard let file = fopen("/proc/self/status", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, 256, file) != nil {
            let bytes = line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            let text = String(decoding: bytes, as: UTF8.self)
            if text.hasPrefix("VmRSS:") {
                let digits = text.filter(\.isNumber)
                return (Int(digits) ?? 0) / 1024
            }
        }
        return 0
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
