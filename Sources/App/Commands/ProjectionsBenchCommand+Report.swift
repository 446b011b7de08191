import Benchmarks
import Glibc

extension ProjectionsBenchCommand {
    func printTable(
        raw: RawLogScan.Result, rawRate: Double, rebuildRate: Double,
        _ latencies: (p50: Double, p99: Double), _ rss: Resident, _ forms: Int
    ) {
        func pad(_ text: String, _ width: Int) -> String {
            text + String(repeating: " ", count: max(1, width - text.count))
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
            ("RSS (MB)", String(rss.total), "≤ 300"),
            ("  own memory, RssAnon (MB)", String(rss.anonymous), "-"),
            ("  mapped LMDB pages, RssFile (MB)", String(rss.mappedFile), "-"),
        ]
        for (label, value, target) in rows {
            Output.line(pad(label, 34) + pad(value, 16) + target)
        }
    }

    /// The resident set size of this process, from /proc/self/status, in MB: the whole of it,
    /// and the part that is the process's own memory (`RssAnon`) rather than pages of the
    /// memory-mapped LMDB file (`RssFile`), which the kernel can drop at any time.
    static func resident() -> Resident {
        guard let file = fopen("/proc/self/status", "r") else { return Resident() }
        defer { fclose(file) }
        var resident = Resident()
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, 256, file) != nil {
            let bytes = line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            let text = String(decoding: bytes, as: UTF8.self)
            let megabytes = (Int(text.filter(\.isNumber)) ?? 0) / 1024
            if text.hasPrefix("VmRSS:") { resident.total = megabytes }
            if text.hasPrefix("RssAnon:") { resident.anonymous = megabytes }
            if text.hasPrefix("RssFile:") { resident.mappedFile = megabytes }
        }
        return resident
    }

    /// Resident memory in MB, split as the kernel counts it.
    struct Resident {
        var total = 0
        var anonymous = 0
        var mappedFile = 0

        var text: String {
            "RSS \(total) MB (\(anonymous) MB own memory, \(mappedFile) MB of mapped file)"
        }
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
