/// The destination's decision on the waste it received.
public enum AcceptationStatus: String, CaseIterable, Sendable, JSONStringEnum {
    /// Fully accepted.
    case accepted = "ACCEPTED"
    /// Fully refused.
    case refused = "REFUSED"
    /// Partly refused; the rest is accepted.
    case partiallyRefused = "PARTIALLY_REFUSED"
}
