import Identity

extension APIError {
    /// The outward form of an identity error. Internal causes are not shown: the server
    /// logs them under the request id.
    public init(_ error: IdentityError) {
        switch error {
        case .unauthenticated:
            self.init(.unauthenticated, "Missing, expired, revoked or invalid credentials.")
        case .forbidden(let permission, let orgId):
            self.init(.forbidden, "You may not do this (\(permission)) for company \(orgId).")
        case .lastAdmin(let orgId):
            self.init(.forbidden, "Company \(orgId) must keep at least one ADMIN.")
        case .invalidInput(let issues):
            self.init(.badUserInput, "The input has \(issues.count) error(s); see issues.")
            self.issues = issues.map { ($0.path, $0.code.rawValue) }
        case .wrongSecurityCode(let orgId):
            self.init(.badUserInput, "Wrong security code for company \(orgId).")
            issues = [("securityCode", "WRONG_SECURITY_CODE")]
        case .notFound(let resource, let id):
            self.init(.notFound, "No \(resource.rawValue) \(id) that you can see.")
        case .conflict(let conflict):
            self.init(.conflict, Self.describe(conflict))
        case .tooManyRequests(let seconds):
            self.init(.tooManyRequests, "Too many attempts; retry in \(seconds) s.")
            retryAfterSeconds = seconds
        case .storage, .internalFailure:
            self.init(.internalServerError, "Internal error; it has been logged.")
        }
    }

    private static func describe(_ conflict: Conflict) -> String {
        switch conflict {
        case .emailTaken: "An account with this email exists."
        case .companyExists(let orgId): "Company \(orgId) exists already."
        case .alreadyMember(let orgId): "This user is already a member of \(orgId)."
        case .alreadyInvited(let orgId): "This email is already invited to \(orgId)."
        case .alreadyRevoked(let tokenId): "Access token \(tokenId) was already revoked."
        case .concurrentChange: "Someone changed this at the same time; retry."
        }
    }
}
