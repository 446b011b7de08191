/// The physical state of the waste.
public enum Consistence: String, CaseIterable, Sendable, JSONStringEnum {
    /// Solid.
    case solid = "SOLID"
    /// Liquid.
    case liquid = "LIQUID"
    /// Gaseous.
    case gaseous = "GASEOUS"
    /// Doughy (pasty).
    case doughy = "DOUGHY"
}
