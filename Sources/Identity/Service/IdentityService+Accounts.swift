extension IdentityService {
    /// Creates an account; pending invitations of the email become memberships.
    /// - Parameter clientKey: what signups are throttled by (the API passes the client's IP).
    /// - Throws: invalid input, ``Conflict/emailTaken``, too many requests.
    public func signup(
        email: String, password: String, name: String, clientKey: String
    ) async throws(IdentityError) -> UserRecord {
        try throttle(configuration.signupLimiter, clientKey)
        let input = try UserDecider.validateSignup(email: email, password: password, name: name)
        let hash = try await configuration.passwordHashing.hashDetached(input.password)
        let userId = newId()
        let at = now
        try await commit(actingUser: userId) { () throws(IdentityError) in
            let claim = try load(EmailState.self, IdentityStreams.email(input.email))
            var invitations: [String: CompanyState] = [:]
            for orgId in claim.invitedBy {
                invitations[orgId] = try load(CompanyState.self, IdentityStreams.company(orgId))
            }
            return try UserDecider.signup(
                input, userId: userId, passwordHash: hash, at: at, email: claim,
                invitations: invitations)
        }
        logger.debug("User signed up", metadata: ["identity.user": userId])
        guard let user = try queries.user(id: userId) else {
            throw .internalFailure("user \(userId) missing from the projection after signup")
        }
        return user
    }

    /// Checks an email and password and returns a JWT (HS256, `sub` = user id, 24 hours).
    /// - Parameter clientKey: who asks, e.g. the client's address: attempts are counted per
    ///   email from that client, and per client, so hammering one account from one place
    ///   does not lock its owner out from another.
    /// - Throws: ``AuthenticationFailure/wrongCredentials`` for an unknown email or a wrong
    ///   password alike; too many requests per email and client, or per client.
    public func login(
        email: String, password: String, clientKey: String = ""
    ) async throws(IdentityError) -> String {
        let normalised = InputRules.normaliseEmail(email)
        try throttle(configuration.loginAddressLimiter, clientKey)
        try throttle(configuration.loginLimiter, normalised + "\u{0}" + clientKey)
        let user = try queries.user(email: normalised)
        let matches = await PasswordHashing.verifyDetached(
            password, against: user?.passwordHash ?? decoyHash)
        guard let user, matches else {
            logger.debug("Login refused", metadata: ["identity.reason": "wrongCredentials"])
            throw .unauthenticated(.wrongCredentials)
        }
        return issueJWT(for: user.userId)
    }

    /// A JWT for `userId`, valid for the configured lifetime from now.
    public func issueJWT(for userId: String) -> String {
        jwt.issue(
            subject: userId, now: now / 1_000_000, lifetime: configuration.jwtLifetimeSeconds)
    }

    /// Replaces the user's password after checking the current one.
    /// - Throws: invalid input (`oldPassword: wrongCurrentPassword` among the password rules).
    public func changePassword(
        userId: String, oldPassword: String, newPassword: String
    ) async throws(IdentityError) {
        let current = try existingUser(userId)
        let matches = await PasswordHashing.verifyDetached(
            oldPassword, against: current.passwordHash)
        try UserDecider.validateNewPassword(
            newPassword, for: current, currentPasswordMatches: matches)
        let hash = try await configuration.passwordHashing.hashDetached(newPassword)
        let at = now
        try await commit(actingUser: userId) { () throws(IdentityError) in
            try UserDecider.changePassword(try existingUser(userId), passwordHash: hash, at: at)
        }
    }

    /// Refuses the request when `limiter` has no token left for `key`.
    func throttle(_ limiter: RateLimiter?, _ key: String) throws(IdentityError) {
        guard let decision = limiter?.take(key, now: now), !decision.allowed else { return }
        throw .tooManyRequests(retryAfterSeconds: max(1, decision.retryAfterSeconds))
    }
}
