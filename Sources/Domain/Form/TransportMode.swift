/// How a transporter carries the waste.
public enum TransportMode: String, CaseIterable, Sendable, JSONStringEnum {
    /// By road.
    case road = "ROAD"
    /// By rail.
    case rail = "RAIL"
    /// By air.
    case air = "AIR"
    /// By inland waterway.
    case river = "RIVER"
    /// By sea.
    case sea = "SEA"
    /// Any other mode.
    case other = "OTHER"
}
