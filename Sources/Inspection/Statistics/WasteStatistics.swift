/// Quantities of waste by month, waste code (and chapter) and département, anonymised:
/// every cell that covers fewer than ``threshold`` distinct companies is suppressed
/// (primary), and further cells are suppressed until no suppressed value can be computed
/// back from the published ones through the cube's sums (secondary).
///
/// Only the cells of this cube are ever published, months are never added up (so no
/// period total opens a new way to subtract), and each month is protected on its own.
public struct WasteStatistics: Sendable {
    /// The fewest distinct companies a published cell covers.
    public static let threshold = 5
    /// The département of records whose emitter's cannot be found.
    public static let unknownDepartment = "UNKNOWN"
    /// Months whose suppressed cells are at most this many get the exact linear check
    /// (``SuppressionAudit``) on top of the per-sum rule.
    public static let auditLimit = 300

    struct Aggregate {
        var grams: Int64 = 0
        var forms = 0
        var companies: Set<String> = []
    }

    /// Every non-empty cell, suppressed ones with nil values.
    public let cells: [StatisticsKey: StatisticsCell]

    /// Builds and protects the cube of `records`.
    public init(records: [StatisticsRecord], threshold: Int = WasteStatistics.threshold) {
        let aggregates = Self.aggregate(records)
        var suppressed: Set<StatisticsKey> = []
        let months = Set(aggregates.keys.map(\.month))
        for month in months {
            let keys = aggregates.keys.filter { $0.month == month }
            let primary = keys.filter { aggregates[$0]!.companies.count < threshold }
            suppressed.formUnion(
                SuppressionPlanner(
                    equations: Self.equations(Set(keys)),
                    grams: { aggregates[$0]!.grams }
                ).protect(primary: Set(primary)))
        }
        var cells: [StatisticsKey: StatisticsCell] = [:]
        for (key, aggregate) in aggregates {
            let hidden = suppressed.contains(key)
            cells[key] = StatisticsCell(
                key: key, grams: hidden ? nil : aggregate.grams,
                forms: hidden ? nil : aggregate.forms)
        }
        self.cells = cells
    }

    /// The published cells at one level of detail, for months in `[from, to]` (`yyyy-MM`,
    /// either bound optional), sorted by month, waste and département.
    public func cells(
        level: WasteLevel, byDepartment: Bool, from: String? = nil, to: String? = nil
    ) -> [StatisticsCell] {
        cells.values.filter { cell in
            cell.key.wasteLevel == level && cell.key.department.isEmpty != byDepartment
                && from.map { cell.key.month >= $0 } ?? true
                && to.map { cell.key.month <= $0 } ?? true
        }.sorted { $0.key < $1.key }
    }

    /// Sums every record into each cell it belongs to: its code, chapter and every waste,
    /// each for its département and for every département.
    static func aggregate(_ records: [StatisticsRecord]) -> [StatisticsKey: Aggregate] {
        var aggregates: [StatisticsKey: Aggregate] = [:]
        for record in records {
            for waste in [record.wasteCode, record.chapter, ""] {
                for department in [record.department, ""] {
                    let key = StatisticsKey(
                        month: record.month, waste: waste, department: department)
                    aggregates[key, default: Aggregate()].grams += record.grams
                    aggregates[key, default: Aggregate()].forms += 1
                    if let orgId = record.orgId {
                        aggregates[key, default: Aggregate()].companies.insert(orgId)
                    }
                }
            }
        }
        return aggregates
    }

    /// The sums that hold between the cells of one month: each chapter is the sum of its
    /// codes and every waste the sum of the chapters (per département and overall), and
    /// each waste's overall cell the sum of its départements.
    static func equations(_ keys: Set<StatisticsKey>) -> [StatisticsEquation] {
        var equations: [StatisticsEquation] = []
        let byDepartment = Dictionary(grouping: keys, by: \.department)
        for (_, group) in byDepartment {
            for parent in group where parent.wasteLevel != .code {
                let children = group.filter { child in
                    parent.wasteLevel == .all
                        ? child.wasteLevel == .chapter
                        : child.wasteLevel == .code && child.waste.hasPrefix(parent.waste)
                }
                equations.append(StatisticsEquation(parent: parent, children: children.sorted()))
            }
        }
        let byWaste = Dictionary(grouping: keys, by: \.waste)
        for (_, group) in byWaste {
            guard let parent = group.first(where: { $0.department.isEmpty }) else { continue }
            let children = group.filter { !$0.department.isEmpty }.sorted()
            equations.append(StatisticsEquation(parent: parent, children: children))
        }
        return equations.sorted { $0.parent < $1.parent }
    }
}
