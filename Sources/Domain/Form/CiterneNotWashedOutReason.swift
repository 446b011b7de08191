/// Why a tank was not washed out after unloading.
public enum CiterneNotWashedOutReason: String, CaseIterable, Sendable, JSONStringEnum {
    /// Exempted.
    case exempted = "EXEMPTED"
    /// Incompatible with washing.
    case incompatible = "INCOMPATIBLE"
    /// No washing station available.
    case unavailable = "UNAVAILABLE"
    /// Not done by the driver.
    case notByDriver = "NOT_BY_DRIVER"
}
