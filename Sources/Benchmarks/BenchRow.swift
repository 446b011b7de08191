import Foundation

/// One line of the benchmark table.
struct BenchRow {
    var label: String
    var ours: Double
    var baselineName: String
    var baseline: Double?

    static func printTable(_ rows: [BenchRow]) {
        func pad(_ text: String, _ width: Int) -> String {
            text + String(repeating: " ", count: max(1, width - text.count))
        }
        print(
            pad("measure", 30) + pad("ours (ev/s)", 14) + pad("baseline", 22)
                + pad("baseline (ev/s)", 17) + "ratio")
        for row in rows {
            let ratio = row.baseline.map { String(format: "%.2f", row.ours / $0) } ?? "-"
            let baseline = row.baseline.map { String(format: "%.0f", $0) } ?? "-"
            print(
                pad(row.label, 30) + pad(String(format: "%.0f", row.ours), 14)
                    + pad(row.baselineName, 22) + pad(baseline, 17) + ratio)
        }
    }
}
