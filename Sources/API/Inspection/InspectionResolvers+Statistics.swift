import GraphQL
import Inspection

extension InspectionResolvers {
    /// `wasteStatistics(from, to, groupBy)`: public, from the protected cube.
    func wasteStatistics(_ arguments: JSONObject) throws(APIError) -> JSON {
        let dimensions = Set(arguments.strings("groupBy") ?? ["CHAPTER", "DEPARTMENT"])
        if dimensions.contains("WASTE_CODE") && dimensions.contains("CHAPTER") {
            throw InputReader.error([("groupBy", "CONFLICTING_FIELDS")])
        }
        let level: WasteLevel =
            dimensions.contains("WASTE_CODE")
            ? .code : dimensions.contains("CHAPTER") ? .chapter : .all
        for name in ["from", "to"] {
            if let month = arguments.string(name), !Self.isMonth(month) {
                throw InputReader.error([(name, "INVALID_DATE")])
            }
        }
        let cube = try statistics.current()
        let cells = cube.cells(
            level: level, byDepartment: dimensions.contains("DEPARTMENT"),
            from: arguments.string("from"), to: arguments.string("to"))
        return .object([
            "threshold": .int(WasteStatistics.threshold),
            "cells": .list(cells.map(Self.cell)),
        ])
    }

    /// Whether `text` is `yyyy-MM`.
    static func isMonth(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }), Int(parts[0]) != nil,
            let month = Int(parts[1])
        else { return false }
        return (1...12).contains(month)
    }

    private static func cell(_ cell: StatisticsCell) -> JSON {
        var view = ViewObject()
        view.set("month", cell.key.month)
        switch cell.key.wasteLevel {
        case .code:
            view.set("wasteCode", cell.key.waste)
            view.set("chapter", String(cell.key.waste.prefix(2)))
        case .chapter: view.set("chapter", cell.key.waste)
        case .all: break
        }
        if !cell.key.department.isEmpty { view.set("department", cell.key.department) }
        view.set("quantity", cell.grams.map { Double($0) / 1_000_000 })
        view.set("forms", cell.forms)
        view.set("suppressed", cell.isSuppressed)
        return view.json
    }
}
