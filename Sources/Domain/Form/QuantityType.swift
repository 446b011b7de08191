/// Whether a quantity was weighed or estimated.
public enum QuantityType: String, CaseIterable, Sendable, JSONStringEnum {
    /// Weighed.
    case real = "REAL"
    /// Estimated.
    case estimated = "ESTIMATED"
}
