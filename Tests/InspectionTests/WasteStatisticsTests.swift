import Testing

@testable import Inspection

@Suite struct WasteStatisticsTests {
    static func record(
        _ orgId: String, _ code: String, _ department: String, _ tonnes: Int64
    )
        -> StatisticsRecord
    {
        StatisticsRecord(
            orgId: orgId, wasteCode: code, department: department, month: "2026-11",
            grams: tonnes * 1_000_000)
    }

    /// Six companies with 17 01 01 in the 75, five in the 69, and company X alone with
    /// 17 05 04 (7 t) in the 75: its quantity is what an attacker wants.
    static let records: [StatisticsRecord] =
        (1...6).map { record("c\($0)", "17 01 01", "75", $0) }
        + (1...5).map { record("d\($0)", "17 01 01", "69", 10 + $0) }
        + [record("x", "17 05 04", "75", 7)]

    @Test func aCellOfFewerThanFiveCompaniesIsSuppressed() {
        let statistics = WasteStatistics(records: Self.records)
        let lonely = StatisticsKey(month: "2026-11", waste: "17 05 04", department: "75")
        #expect(statistics.cells[lonely]?.isSuppressed == true)
        let crowded = StatisticsKey(month: "2026-11", waste: "17 01 01", department: "69")
        #expect(statistics.cells[crowded]?.grams == 65_000_000)
        #expect(statistics.cells[crowded]?.forms == 5)
    }

    @Test func privateIndividualsNeverCountAsCompanies() {
        let records = (1...9).map {
            StatisticsRecord(
                orgId: nil, wasteCode: "20 01 21*", department: "13", month: "2026-10", grams: $0)
        }
        let statistics = WasteStatistics(records: records)
        let hidden = statistics.cells.values.allSatisfy { $0.isSuppressed }
        #expect(hidden)
    }

    @Test func anAttackerSubtractingPublishedCellsCannotRecoverASuppressedOne() {
        let statistics = WasteStatistics(records: Self.records)
        let known = DifferencingAttack.run(statistics)
        let target = StatisticsKey(month: "2026-11", waste: "17 05 04", department: "75")
        #expect(known[target] == nil, "X's quantity was recovered: \(known[target] ?? 0)")
        for (key, cell) in statistics.cells where cell.isSuppressed {
            #expect(known[key] == nil, "\(key) was recovered")
        }
        // And the exact check agrees: no suppressed value follows from the published ones.
        let equations = WasteStatistics.equations(Set(statistics.cells.keys))
        let suppressed = Set(statistics.cells.values.filter(\.isSuppressed).map(\.key))
        #expect(SuppressionAudit.determined(equations: equations, suppressed: suppressed).isEmpty)
    }

    @Test func withoutSecondarySuppressionTheAttackWouldSucceed() {
        // The same cube with only the primary suppression published: the attack finds X.
        let statistics = WasteStatistics(records: Self.records, threshold: 5)
        var naive = statistics.cells
        for key in naive.keys {
            let aggregate = WasteStatistics.aggregate(Self.records)[key]!
            naive[key] = StatisticsCell(
                key: key, grams: aggregate.companies.count < 5 ? nil : aggregate.grams,
                forms: aggregate.forms)
        }
        let known = DifferencingAttack.run(cells: naive)
        let target = StatisticsKey(month: "2026-11", waste: "17 05 04", department: "75")
        #expect(known[target] == 7_000_000)
    }

    @Test func everyPublishedSumHoldsNoneOrSeveralSuppressedTerms() {
        let many = (0..<60).map { index in
            Self.record(
                "k\(index % 17)", ["16 01 07*", "17 01 01", "17 05 04", "20 03 01"][index % 4],
                ["75", "69", "13", "33", "2A"][index % 5], Int64(index + 1))
        }
        let statistics = WasteStatistics(records: many)
        let equations = WasteStatistics.equations(Set(statistics.cells.keys))
        for equation in equations {
            let hidden = equation.members.filter { statistics.cells[$0]!.isSuppressed }.count
            #expect(hidden != 1, "\(equation.parent)")
        }
        let suppressed = Set(statistics.cells.values.filter(\.isSuppressed).map(\.key))
        #expect(SuppressionAudit.determined(equations: equations, suppressed: suppressed).isEmpty)
        #expect(DifferencingAttack.run(statistics).keys.allSatisfy { !suppressed.contains($0) })
    }

    @Test func cellsAreReadAtOneLevelAndMonthsAreNeverAddedUp() {
        let statistics = WasteStatistics(records: Self.records)
        let chapters = statistics.cells(level: .chapter, byDepartment: true)
        #expect(chapters.map(\.key.department) == ["69", "75"])
        #expect(statistics.cells.keys.allSatisfy { $0.month == "2026-11" })
        #expect(statistics.cells(level: .all, byDepartment: false, from: "2026-12").isEmpty)
    }
}

/// What an outsider can do with the published cells: take every sum of the cube whose
/// terms are all known but one, compute that one, and repeat until nothing new comes.
enum DifferencingAttack {
    static func run(_ statistics: WasteStatistics) -> [StatisticsKey: Int64] {
        run(cells: statistics.cells)
    }

    static func run(cells: [StatisticsKey: StatisticsCell]) -> [StatisticsKey: Int64] {
        var known = cells.compactMapValues(\.grams)
        let equations = WasteStatistics.equations(Set(cells.keys))
        var progress = true
        while progress {
            progress = false
            for equation in equations {
                let unknown = equation.members.filter { known[$0] == nil }
                guard unknown.count == 1, let missing = unknown.first else { continue }
                let children = equation.children.compactMap { known[$0] }.reduce(0, +)
                known[missing] =
                    missing == equation.parent
                    ? children : known[equation.parent]! - children
                progress = true
            }
        }
        return known.filter { cells[$0.key]!.isSuppressed }.merging(
            cells.compactMapValues(\.grams)
        ) { first, _ in first }
    }
}
