/// What an integrator asks of a standalone transporter; ``TransporterDecider`` turns it into
/// events or refuses it.
public enum TransporterCommand: Hashable, Sendable {
    /// Create it with these fields (the id is the state's).
    case create(Transporter)
    /// Replace its fields.
    case update(Transporter)
    /// Delete it.
    case delete
}
