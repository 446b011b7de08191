import Synchronization

/// Counters, gauges and histograms with labels, rendered in Prometheus's text exposition
/// format for `/metrics`. Hand-written: the only Debian client library (prometheus-cpp) is
/// C++ with its own HTTP server, and the text format is a few lines.
public final class MetricsRegistry: Sendable {
    /// Upper bounds, in seconds, of the request-latency histogram's buckets.
    public static let latencyBuckets: [Double] = [
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
    ]

    private struct Histogram {
        var buckets: [UInt64]
        var count: UInt64 = 0
        var sum: Double = 0
    }

    private struct State {
        var counters: [String: [Labels: Double]] = [:]
        var histograms: [String: [Labels: Histogram]] = [:]
        var help: [String: (type: String, text: String)] = [:]
    }

    /// Label names and values in the order the caller gives them (each metric's call sites
    /// use one order, so no sorting is needed on the request path).
    public struct Labels: Hashable, Sendable {
        let pairs: [(String, String)]

        /// Makes a label set from name–value pairs.
        public init(_ pairs: KeyValuePairs<String, String>) {
            self.pairs = pairs.map { ($0.key, $0.value) }
        }

        init(pairs: [(String, String)]) {
            self.pairs = pairs
        }

        /// Equal when the same names have the same values.
        public static func == (lhs: Labels, rhs: Labels) -> Bool {
            lhs.pairs.elementsEqual(rhs.pairs) { $0 == $1 }
        }

        /// Hashes names and values.
        public func hash(into hasher: inout Hasher) {
            for (name, value) in pairs {
                hasher.combine(name)
                hasher.combine(value)
            }
        }

        var rendered: String {
            pairs.isEmpty
                ? ""
                : "{" + pairs.map { "\($0.0)=\"\(Self.escape($0.1))\"" }.joined(separator: ",")
                    + "}"
        }

        static func escape(_ value: String) -> String {
            value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
                .replacing("\n", with: "\\n")
        }
    }

    private let state = Mutex(State())

    /// Makes an empty registry.
    public init() {}

    /// Declares a metric's type and help text, printed before its samples.
    public func describe(_ name: String, type: String, help: String) {
        state.withLock { $0.help[name] = (type, help) }
    }

    /// Adds `amount` to the counter `name` with `labels`.
    public func increment(
        _ name: String, labels: KeyValuePairs<String, String> = [:], by amount: Double = 1
    ) {
        state.withLock { $0.counters[name, default: [:]][Labels(labels), default: 0] += amount }
    }

    /// Records one observation (seconds) in the latency histogram `name`.
    public func observe(
        _ name: String, labels: KeyValuePairs<String, String> = [:], seconds: Double
    ) {
        state.withLock { state in
            let key = Labels(labels)
            var histogram =
                state.histograms[name]?[key]
                ?? Histogram(buckets: Array(repeating: 0, count: Self.latencyBuckets.count))
            for (index, bound) in Self.latencyBuckets.enumerated() where seconds <= bound {
                histogram.buckets[index] += 1
            }
            histogram.count += 1
            histogram.sum += seconds
            state.histograms[name, default: [:]][key] = histogram
        }
    }

    /// The registry in Prometheus text format, with `gauges` (read at scrape time) appended.
    public func render(gauges: [(name: String, help: String, value: Double)] = []) -> String {
        var out = ""
        state.withLock { state in
            for name in state.counters.keys.sorted() {
                out += header(name, state.help[name], defaultType: "counter")
                for (labels, value) in state.counters[name]!.sorted(by: {
                    $0.key.rendered < $1.key.rendered
                }) {
                    out += "\(name)\(labels.rendered) \(Self.number(value))\n"
                }
            }
            for name in state.histograms.keys.sorted() {
                out += header(name, state.help[name], defaultType: "histogram")
                for (labels, histogram) in state.histograms[name]!.sorted(by: {
                    $0.key.rendered < $1.key.rendered
                }) {
                    out += Self.histogramLines(name, labels, histogram)
                }
            }
        }
        for gauge in gauges {
            out += "# HELP \(gauge.name) \(gauge.help)\n# TYPE \(gauge.name) gauge\n"
            out += "\(gauge.name) \(Self.number(gauge.value))\n"
        }
        return out
    }

    private func header(
        _ name: String, _ help: (type: String, text: String)?, defaultType: String
    ) -> String {
        "# HELP \(name) \(help?.text ?? name)\n# TYPE \(name) \(help?.type ?? defaultType)\n"
    }

    private static func histogramLines(
        _ name: String, _ labels: Labels, _ histogram: Histogram
    ) -> String {
        var out = ""
        for (index, bound) in latencyBuckets.enumerated() {
            let bucketLabels = Labels(pairs: labels.pairs + [("le", number(bound))])
            out += "\(name)_bucket\(bucketLabels.rendered) \(histogram.buckets[index])\n"
        }
        let all = Labels(pairs: labels.pairs + [("le", "+Inf")])
        out += "\(name)_bucket\(all.rendered) \(histogram.count)\n"
        out += "\(name)_sum\(labels.rendered) \(number(histogram.sum))\n"
        out += "\(name)_count\(labels.rendered) \(histogram.count)\n"
        return out
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
