import Ledger

/// Why an identity operation was refused or failed. The API maps each case to one outward
/// code (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, CONFLICT, TOO_MANY_REQUESTS,
/// INTERNAL_SERVER_ERROR) in one place; the grouping is given on each case.
public enum IdentityError: Error, Equatable, Sendable {
    /// UNAUTHENTICATED: no valid credentials; the reason is for logs, not for the caller.
    case unauthenticated(AuthenticationFailure)
    /// FORBIDDEN: the user lacks `permission` on company `orgId`.
    case forbidden(permission: Permission, orgId: String)
    /// FORBIDDEN: the operation would leave company `orgId` without an ADMIN.
    case lastAdmin(orgId: String)
    /// BAD_USER_INPUT: every field at fault, each with a path and a stable code.
    case invalidInput([InputIssue])
    /// BAD_USER_INPUT: the company's security code did not match.
    case wrongSecurityCode(orgId: String)
    /// NOT_FOUND: no such user, company, token, receipt or membership.
    case notFound(Resource, id: String)
    /// CONFLICT: what the operation would create exists already.
    case conflict(Conflict)
    /// TOO_MANY_REQUESTS: throttled or locked out; retry after this many seconds.
    case tooManyRequests(retryAfterSeconds: Int)
    /// INTERNAL_SERVER_ERROR: the ledger failed.
    case storage(LedgerError)
    /// INTERNAL_SERVER_ERROR: something else failed (secrets file, libsodium, stored data).
    case internalFailure(String)
}

/// What a ``IdentityError/notFound(_:id:)`` could not find.
public enum Resource: String, Equatable, Sendable {
    /// A user account.
    case user
    /// A company.
    case company
    /// A personal access token.
    case accessToken
    /// A transporter receipt.
    case transporterReceipt
    /// A user's membership of a company.
    case membership
}

/// What a ``IdentityError/conflict(_:)`` collided with.
public enum Conflict: Equatable, Sendable {
    /// An account with this (normalised) email exists.
    case emailTaken
    /// A company with this SIRET or VAT number exists.
    case companyExists(orgId: String)
    /// The user is already a member of the company.
    case alreadyMember(orgId: String)
    /// The email already holds a pending invitation to the company.
    case alreadyInvited(orgId: String)
    /// The access token was already revoked.
    case alreadyRevoked(tokenId: String)
    /// Someone else changed the same account or company at the same time: retry.
    case concurrentChange(stream: String)
}
