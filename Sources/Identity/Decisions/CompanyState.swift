/// A company folded from its `company-<orgId>` stream.
public struct CompanyState: Equatable, Sendable {
    /// The profile; nil before creation.
    public var profile: CompanyProfile?
    /// The 4-digit security code.
    public var securityCode = ""
    /// The linked transporter receipt.
    public var transporterReceiptId: String?
    /// Members' roles by user id.
    public var members: [String: Role] = [:]
    /// Pending invitations: role by normalised email.
    public var invitations: [String: Role] = [:]
    /// The stream's last version; nil while the stream is empty.
    public var version: UInt64?

    /// A company that does not exist yet.
    public init() {}

    /// Whether the company exists.
    public var exists: Bool { profile != nil }

    /// How many members are ADMIN.
    public var adminCount: Int { members.values.count { $0 == .admin } }

    /// Applies one event of the stream (events of other streams are ignored).
    public mutating func evolve(_ event: IdentityEvent) {
        switch event {
        case .companyCreated(let profile, _, let securityCode, _):
            self.profile = profile
            self.securityCode = securityCode
        case .companyUpdated(_, let changes, _):
            if let name = changes.name { profile?.name = name }
            if let address = changes.address { profile?.address = address }
            if let types = changes.companyTypes { profile?.companyTypes = types }
            if let receipt = changes.transporterReceiptId { transporterReceiptId = receipt }
        case .memberAdded(_, let userId, let role, let viaInvitation):
            members[userId] = role
            if let viaInvitation { invitations[viaInvitation] = nil }
        case .memberRoleChanged(_, let userId, let role):
            members[userId] = role
        case .memberRemoved(_, let userId):
            members[userId] = nil
        case .userInvited(_, let email, let role, _):
            invitations[email] = role
        case .securityCodeRenewed(_, let securityCode):
            self.securityCode = securityCode
        default:
            return
        }
    }
}
