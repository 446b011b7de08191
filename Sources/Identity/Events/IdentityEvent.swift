/// Everything that happens to accounts, tokens and companies, as stored in the ledger.
///
/// Streams: `user-<userId>` (account, password, tokens), `email-<hash>` (who owns a
/// normalised email and which companies invited it: the serialisation point of signups and
/// invitations), `company-<orgId>` (profile, members, invitations, security code) and
/// `transporter-receipt-<id>`. Times are microseconds since the Unix epoch.
public enum IdentityEvent: Equatable, Sendable {
    /// A user signed up; `passwordHash` is an encoded argon2id hash.
    case userSignedUp(userId: String, email: String, name: String, passwordHash: String, at: Int64)
    /// A user changed their password.
    case passwordChanged(userId: String, passwordHash: String, at: Int64)
    /// A personal access token was created; only its keyed hash (hex) is stored.
    case accessTokenCreated(
        userId: String, tokenId: String, description: String, tokenHash: String, at: Int64)
    /// A personal access token was revoked.
    case accessTokenRevoked(userId: String, tokenId: String, at: Int64)
    /// A token was used during the hour starting at `hour` (recorded once per hour).
    case accessTokenUsed(userId: String, tokenId: String, hour: Int64)
    /// A normalised email now belongs to an account.
    case emailClaimed(email: String, userId: String)
    /// A normalised email without account was invited to a company.
    case emailInvited(email: String, orgId: String)
    /// A company was created by `createdBy`.
    case companyCreated(CompanyProfile, createdBy: String, securityCode: String, at: Int64)
    /// A company's profile changed; absent members did not change.
    case companyUpdated(orgId: String, changes: CompanyChanges, at: Int64)
    /// A user joined a company, directly or by accepting the invitation sent to `viaInvitation`.
    case memberAdded(orgId: String, userId: String, role: Role, viaInvitation: String?)
    /// A member's role changed.
    case memberRoleChanged(orgId: String, userId: String, role: Role)
    /// A member left or was removed.
    case memberRemoved(orgId: String, userId: String)
    /// An email without account was invited to the company with `role`.
    case userInvited(orgId: String, email: String, role: Role, invitedBy: String)
    /// The company's security code was renewed.
    case securityCodeRenewed(orgId: String, securityCode: String)
    /// A transporter receipt was recorded; companies link to it with `companyUpdated`.
    case transporterReceiptCreated(TransporterReceipt, createdBy: String)

    /// The event's type name in the ledger.
    public var type: String {
        switch self {
        case .userSignedUp: "UserSignedUp"
        case .passwordChanged: "PasswordChanged"
        case .accessTokenCreated: "AccessTokenCreated"
        case .accessTokenRevoked: "AccessTokenRevoked"
        case .accessTokenUsed: "AccessTokenUsed"
        case .emailClaimed: "EmailClaimed"
        case .emailInvited: "EmailInvited"
        case .companyCreated: "CompanyCreated"
        case .companyUpdated: "CompanyUpdated"
        case .memberAdded: "MemberAdded"
        case .memberRoleChanged: "MemberRoleChanged"
        case .memberRemoved: "MemberRemoved"
        case .userInvited: "UserInvited"
        case .securityCodeRenewed: "SecurityCodeRenewed"
        case .transporterReceiptCreated: "TransporterReceiptCreated"
        }
    }

    /// The stream the event belongs to.
    public var stream: String {
        switch self {
        case .userSignedUp(let userId, _, _, _, _), .passwordChanged(let userId, _, _),
            .accessTokenCreated(let userId, _, _, _, _), .accessTokenRevoked(let userId, _, _),
            .accessTokenUsed(let userId, _, _):
            IdentityStreams.user(userId)
        case .emailClaimed(let email, _), .emailInvited(let email, _):
            IdentityStreams.email(email)
        case .companyCreated(let profile, _, _, _): IdentityStreams.company(profile.orgId)
        case .companyUpdated(let orgId, _, _), .memberAdded(let orgId, _, _, _),
            .memberRoleChanged(let orgId, _, _), .memberRemoved(let orgId, _),
            .userInvited(let orgId, _, _, _), .securityCodeRenewed(let orgId, _):
            IdentityStreams.company(orgId)
        case .transporterReceiptCreated(let receipt, _):
            IdentityStreams.transporterReceipt(receipt.id)
        }
    }
}
