/// A cell of the statistics cube: a month, a waste code, a chapter or every waste, and a
/// département or every département.
public struct StatisticsKey: Hashable, Comparable, Sendable {
    /// `yyyy-MM`.
    public var month: String
    /// A waste code, a two-digit chapter, or empty for every waste.
    public var waste: String
    /// A département, or empty for every département.
    public var department: String

    /// Makes a key.
    public init(month: String, waste: String, department: String) {
        self.month = month
        self.waste = waste
        self.department = department
    }

    /// How precisely the cell names the waste.
    public var wasteLevel: WasteLevel {
        waste.isEmpty ? .all : waste.count == 2 ? .chapter : .code
    }

    /// Month, then waste, then département.
    public static func < (lhs: StatisticsKey, rhs: StatisticsKey) -> Bool {
        (lhs.month, lhs.waste, lhs.department) < (rhs.month, rhs.waste, rhs.department)
    }
}

/// How precisely a statistics cell names the waste.
public enum WasteLevel: String, CaseIterable, Sendable {
    /// One waste code.
    case code = "WASTE_CODE"
    /// One chapter (the code's first two digits).
    case chapter = "CHAPTER"
    /// Every waste.
    case all = "ALL"
}

/// One published cell: its key and, unless suppressed, the quantity and the BSD count.
public struct StatisticsCell: Equatable, Sendable {
    /// Where the cell sits.
    public var key: StatisticsKey
    /// Grams, nil when suppressed.
    public var grams: Int64?
    /// BSDs counted, nil when suppressed.
    public var forms: Int?

    /// Whether the value is withheld.
    public var isSuppressed: Bool { grams == nil }
}

/// One additivity rule of the cube: `parent` is the sum of `children`. Someone who knows
/// every term but one can compute it, which is what secondary suppression prevents.
struct StatisticsEquation: Sendable {
    var parent: StatisticsKey
    var children: [StatisticsKey]

    var members: [StatisticsKey] { [parent] + children }
}
