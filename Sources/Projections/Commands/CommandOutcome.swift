import Domain

/// What a command did: the BSD it acted on (the new one for creations) and its events with
/// their ledger positions.
public struct CommandOutcome: Sendable {
    /// The BSD the command was about, or the one it created.
    public var formId: String
    /// The events appended, in order.
    public var events: [DomainEvent]
    /// The ledger position of each event, in the same order.
    public var positions: [UInt64]
}
