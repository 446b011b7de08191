/// Chooses the secondary suppressions of one month's cells. Two rules, applied until
/// neither adds a cell:
///
/// 1. no sum may have exactly one suppressed term (it would be the total minus the
///    others): the smallest published term of such a sum is suppressed too;
/// 2. when the month has at most ``WasteStatistics/auditLimit`` suppressed cells, the exact
///    check of ``SuppressionAudit`` finds cells that several sums together give away, and
///    the smallest published term of a sum holding such a cell is suppressed.
///
/// Picking the smallest term hides as little as possible; ties go to the first key.
struct SuppressionPlanner {
    let equations: [StatisticsEquation]
    let grams: (StatisticsKey) -> Int64

    /// The suppressed cells: `primary` and those added to protect them.
    func protect(primary: Set<StatisticsKey>) -> Set<StatisticsKey> {
        var suppressed = primary
        while true {
            closeSingletons(&suppressed)
            guard suppressed.count <= WasteStatistics.auditLimit else { return suppressed }
            let exposed = SuppressionAudit.determined(equations: equations, suppressed: suppressed)
            guard let cell = exposed.min() else { return suppressed }
            let holding = equations.filter { $0.members.contains(cell) }
            let choice = holding.compactMap { smallestPublished($0, suppressed) }.min {
                (grams($0), $0) < (grams($1), $1)
            }
            // A determined cell always sits in a sum with a published term.
            guard let choice else { return suppressed }
            suppressed.insert(choice)
        }
    }

    /// Rule 1, until every sum has zero or at least two suppressed terms.
    private func closeSingletons(_ suppressed: inout Set<StatisticsKey>) {
        var changed = true
        while changed {
            changed = false
            for equation in equations {
                let hidden = equation.members.filter { suppressed.contains($0) }.count
                guard hidden == 1, let pick = smallestPublished(equation, suppressed) else {
                    continue
                }
                suppressed.insert(pick)
                changed = true
            }
        }
    }

    private func smallestPublished(
        _ equation: StatisticsEquation, _ suppressed: Set<StatisticsKey>
    ) -> StatisticsKey? {
        equation.members.filter { !suppressed.contains($0) }.min {
            (grams($0), $0) < (grams($1), $1)
        }
    }
}
