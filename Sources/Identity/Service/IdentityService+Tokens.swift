import Ledger

extension IdentityService {
    /// The user id behind an `Authorization: Bearer` value: a JWT issued by
    /// ``login(email:password:)`` or a personal access token. A token's use is recorded at
    /// most once per hour.
    /// - Throws: ``IdentityError/unauthenticated(_:)`` with the reason (expired, revoked,
    ///   forged signature, other algorithm, malformed, unknown token).
    public func verify(bearer: String) async throws(IdentityError) -> String {
        let token = bearer.hasPrefix("Bearer ") ? String(bearer.dropFirst(7)) : bearer
        if AccessTokenFormat.matches(token) { return try await verifyAccessToken(token) }
        let seconds = now / 1_000_000
        if let userId = verifiedJWTs.user(for: token, now: seconds) { return userId }
        let claims: (subject: String, expiry: Int64)
        do { claims = try jwt.verifiedClaims(token, now: seconds) } catch {
            throw .unauthenticated(error)
        }
        guard try queries.user(id: claims.subject) != nil else {
            throw .unauthenticated(.unknownToken)
        }
        verifiedJWTs.store(token, user: claims.subject, expiry: claims.expiry)
        return claims.subject
    }

    private func verifyAccessToken(_ token: String) async throws(IdentityError) -> String {
        let hash = AccessTokenFormat.hash(token, key: secrets.tokenHashKey)
        guard let record = try queries.accessToken(hash: hash) else {
            throw .unauthenticated(.unknownToken)
        }
        guard !record.revoked else { throw .unauthenticated(.revoked) }
        let hour = UserDecider.hour(of: now)
        if record.lastUsedAt != hour { await recordUse(record, hour: hour) }
        return record.userId
    }

    /// Appends `AccessTokenUsed` for this hour. Its event id derives from the token and the
    /// hour, so concurrent requests (or processes) append it once: the ledger answers a
    /// repeated id with identical content by returning the first position.
    private func recordUse(_ record: AccessTokenRecord, hour: Int64) async {
        let event = IdentityEvent.accessTokenUsed(
            userId: record.userId, tokenId: record.tokenId, hour: hour)
        let seed = Array("\(record.tokenId)@\(hour)".utf8)
        let id = EventID(bytes: Sodium.keyedHash(seed, key: secrets.tokenHashKey, length: 16))
        let new = NewEvent(
            id: id, type: event.type, schemaVersion: IdentityEvent.schemaVersion,
            payload: event.payloadBytes)
        do {
            _ = try await ledger.append([new], to: event.stream, expected: .streamExists)
        } catch {
            logger.debug(
                "Token use not recorded",
                metadata: ["identity.token": record.tokenId, "identity.error": "\(error)"])
        }
    }

    /// Creates a personal access token for `userId`; only its keyed hash is stored.
    public func createAccessToken(
        userId: String, description: String
    ) async throws(IdentityError) -> NewAccessToken {
        let token = AccessTokenFormat.generate()
        let hash = AccessTokenFormat.hash(token, key: secrets.tokenHashKey)
        let tokenId = newId()
        let at = now
        try await commit(actingUser: userId) { () throws(IdentityError) in
            try UserDecider.createAccessToken(
                try existingUser(userId), tokenId: tokenId, description: description,
                tokenHash: hash, at: at)
        }
        let text = String(description.trimmingWhiteSpace)
        return NewAccessToken(id: tokenId, token: token, description: text)
    }

    /// Revokes one of `userId`'s own tokens.
    public func revokeAccessToken(userId: String, tokenId: String) async throws(IdentityError) {
        let at = now
        try await commit(actingUser: userId) { () throws(IdentityError) in
            try UserDecider.revokeAccessToken(try existingUser(userId), tokenId: tokenId, at: at)
        }
    }
}
