/// A user's role in one company.
public struct Membership: Equatable, Sendable {
    /// The member.
    public var userId: String
    /// The company.
    public var orgId: String
    /// The role.
    public var role: Role

    /// Makes a membership.
    public init(userId: String, orgId: String, role: Role) {
        self.userId = userId
        self.orgId = orgId
        self.role = role
    }
}
