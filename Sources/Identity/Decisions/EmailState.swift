/// A normalised email folded from its `email-<hash>` stream: the account that owns it and the
/// companies that invited it before it had one.
public struct EmailState: Equatable, Sendable {
    /// The account owning the email, if any.
    public var userId: String?
    /// Companies that invited the email while it had no account, in order.
    public var invitedBy: [String] = []
    /// The stream's last version; nil while the stream is empty.
    public var version: UInt64?

    /// An email nobody has used yet.
    public init() {}

    /// Applies one event of the stream (events of other streams are ignored).
    public mutating func evolve(_ event: IdentityEvent) {
        switch event {
        case .emailClaimed(_, let userId): self.userId = userId
        case .emailInvited(_, let orgId): invitedBy.append(orgId)
        default: return
        }
    }
}
