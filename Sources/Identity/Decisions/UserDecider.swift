/// Pure decisions on accounts and personal access tokens. Slow or random work (hashing,
/// token generation, ids, the clock) happens before, in the service, and arrives as values.
public enum UserDecider {
    /// A signup input, checked and normalised.
    public struct Signup: Equatable, Sendable {
        /// The normalised email.
        public var email: String
        /// The trimmed name.
        public var name: String
        /// The password as typed.
        public var password: String
    }

    /// Checks and normalises a signup input.
    /// - Throws: ``IdentityError/invalidInput(_:)`` listing every field at fault.
    public static func validateSignup(
        email: String, password: String, name: String
    ) throws(IdentityError) -> Signup {
        var issues: [InputIssue] = []
        let email = InputRules.normaliseEmail(email)
        InputRules.checkEmail(email, at: "userInfos.email", into: &issues)
        InputRules.checkPassword(password, email: email, at: "userInfos.password", into: &issues)
        let name = InputRules.checkText(name, at: "userInfos.name", into: &issues)
        guard issues.isEmpty else { throw .invalidInput(issues) }
        return Signup(email: email, name: name, password: password)
    }

    /// Signs up: claims the email, creates the account, and turns every pending invitation
    /// of the email into a membership.
    /// - Parameter invitations: the states of the companies listed in `email.invitedBy`.
    /// - Throws: ``Conflict/emailTaken`` when the email has an account.
    public static func signup(
        _ input: Signup, userId: String, passwordHash: String, at: Int64, email: EmailState,
        invitations: [String: CompanyState]
    ) throws(IdentityError) -> IdentityDecision {
        guard email.userId == nil else { throw .conflict(.emailTaken) }
        var decision = IdentityDecision(
            [.emailClaimed(email: input.email, userId: userId)], readAt: email.version)
        decision.append(
            [
                .userSignedUp(
                    userId: userId, email: input.email, name: input.name,
                    passwordHash: passwordHash, at: at)
            ], readAt: nil)
        for orgId in Set(email.invitedBy).sorted() {
            guard let company = invitations[orgId], let role = company.invitations[input.email]
            else { continue }
            decision.append(
                [
                    .memberAdded(
                        orgId: orgId, userId: userId, role: role, viaInvitation: input.email)
                ],
                readAt: company.version)
        }
        return decision
    }

    /// Checks a new password for `user`.
    /// - Throws: ``IdentityError/invalidInput(_:)``.
    public static func validateNewPassword(
        _ password: String, for user: UserState, currentPasswordMatches: Bool
    ) throws(IdentityError) {
        var issues: [InputIssue] = []
        if !currentPasswordMatches {
            issues.append(InputIssue("oldPassword", .wrongCurrentPassword))
        }
        InputRules.checkPassword(password, email: user.email, at: "newPassword", into: &issues)
        guard issues.isEmpty else { throw .invalidInput(issues) }
    }

    /// Replaces the password hash of `user`.
    public static func changePassword(
        _ user: UserState, passwordHash: String, at: Int64
    ) throws(IdentityError) -> IdentityDecision {
        guard user.exists else { throw .notFound(.user, id: user.userId) }
        return IdentityDecision(
            [.passwordChanged(userId: user.userId, passwordHash: passwordHash, at: at)],
            readAt: user.version)
    }

    /// Records a new personal access token, of which only `tokenHash` is kept.
    public static func createAccessToken(
        _ user: UserState, tokenId: String, description: String, tokenHash: String, at: Int64
    ) throws(IdentityError) -> IdentityDecision {
        guard user.exists else { throw .notFound(.user, id: user.userId) }
        var issues: [InputIssue] = []
        let text = InputRules.checkText(description, at: "input.description", into: &issues)
        guard issues.isEmpty else { throw .invalidInput(issues) }
        let event = IdentityEvent.accessTokenCreated(
            userId: user.userId, tokenId: tokenId, description: text, tokenHash: tokenHash, at: at)
        return IdentityDecision([event], readAt: user.version)
    }

    /// Revokes one of the user's own tokens.
    /// - Throws: ``Resource/accessToken`` not found (also for another user's token),
    ///   ``Conflict/alreadyRevoked(tokenId:)``.
    public static func revokeAccessToken(
        _ user: UserState, tokenId: String, at: Int64
    ) throws(IdentityError) -> IdentityDecision {
        guard let token = user.tokens[tokenId] else { throw .notFound(.accessToken, id: tokenId) }
        guard token.revokedAt == nil else { throw .conflict(.alreadyRevoked(tokenId: tokenId)) }
        return IdentityDecision(
            [.accessTokenRevoked(userId: user.userId, tokenId: tokenId, at: at)],
            readAt: user.version)
    }

    /// The start of the hour holding `time` (microseconds): the granularity of last use.
    public static func hour(of time: Int64) -> Int64 {
        let hour: Int64 = 3_600_000_000
        return time - ((time % hour) + hour) % hour
    }
}
