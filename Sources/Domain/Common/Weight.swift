/// A mass, held as whole grams so that sums and comparisons are exact (the reference
/// compares quantities in tonnes at six decimals, which is the gram).
public struct Weight: Hashable, Comparable, Sendable {
    /// The mass in grams.
    public var grams: Int64

    /// Makes a weight from grams.
    public init(grams: Int64) {
        self.grams = grams
    }

    /// Makes a weight from whole tonnes.
    public static func tonnes(_ value: Int64) -> Weight {
        Weight(grams: value * 1_000_000)
    }

    /// Zero grams.
    public static let zero = Weight(grams: 0)

    /// Orders weights by mass.
    public static func < (lhs: Weight, rhs: Weight) -> Bool {
        lhs.grams < rhs.grams
    }

    /// The sum of two weights.
    public static func + (lhs: Weight, rhs: Weight) -> Weight {
        Weight(grams: lhs.grams + rhs.grams)
    }

    /// The difference of two weights.
    public static func - (lhs: Weight, rhs: Weight) -> Weight {
        Weight(grams: lhs.grams - rhs.grams)
    }
}
