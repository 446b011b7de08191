/// The exact check of a suppression pattern: which suppressed cells the published cells
/// determine through the cube's sums.
///
/// Each sum gives a linear equation in the suppressed values (the published ones are
/// constants). A suppressed value is determined exactly when its unit vector lies in the
/// row space of those equations; in reduced row echelon form, that is a pivot row with no
/// coefficient left on a free column. The elimination is exact on small integers: every
/// coefficient starts as 1 or -1 and rows are combined with rational factors kept as
/// doubles, checked against a tolerance far below any reachable fraction.
public enum SuppressionAudit {
    /// The suppressed cells whose value follows from the published ones.
    static func determined(
        equations: [StatisticsEquation], suppressed: Set<StatisticsKey>
    ) -> Set<StatisticsKey> {
        let unknowns = suppressed.sorted()
        let column = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
        var rows: [[Double]] = []
        for equation in equations {
            var row = [Double](repeating: 0, count: unknowns.count)
            var any = false
            if let index = column[equation.parent] {
                row[index] += 1
                any = true
            }
            for child in equation.children {
                if let index = column[child] {
                    row[index] -= 1
                    any = true
                }
            }
            if any { rows.append(row) }
        }
        let pivots = reduce(&rows, columns: unknowns.count)
        let pivotColumns = Set(pivots.map(\.column))
        var found: Set<StatisticsKey> = []
        for (row, column) in pivots {
            let alone = rows[row].indices.allSatisfy { other in
                other == column || pivotColumns.contains(other) || abs(rows[row][other]) < 1e-9
            }
            if alone { found.insert(unknowns[column]) }
        }
        return found
    }

    /// Brings `rows` to reduced row echelon form; returns (row, column) of each pivot.
    private static func reduce(_ rows: inout [[Double]], columns: Int) -> [(row: Int, column: Int)]
    {
        var pivots: [(row: Int, column: Int)] = []
        var next = 0
        for column in 0..<columns where next < rows.count {
            guard
                let found = (next..<rows.count).max(by: {
                    abs(rows[$0][column]) < abs(rows[$1][column])
                }),
                abs(rows[found][column]) > 1e-9
            else { continue }
            rows.swapAt(next, found)
            let scale = rows[next][column]
            rows[next] = rows[next].map { $0 / scale }
            for other in rows.indices where other != next {
                let factor = rows[other][column]
                if abs(factor) > 1e-12 {
                    for index in 0..<columns { rows[other][index] -= factor * rows[next][index] }
                }
            }
            pivots.append((next, column))
            next += 1
        }
        return pivots
    }
}
