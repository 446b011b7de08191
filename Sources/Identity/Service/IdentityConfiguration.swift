import Ledger

/// How an ``IdentityService`` behaves; the defaults are the production ones.
public struct IdentityConfiguration: Sendable {
    /// The argon2id cost of new password hashes (libsodium's interactive limits).
    public var passwordHashing = PasswordHashing.interactive
    /// How long a login's JWT is valid, in seconds (24 hours).
    public var jwtLifetimeSeconds: Int64 = 24 * 3600
    /// The clock, in microseconds since the epoch; tests move it.
    public var clock: @Sendable () -> Int64 = { Timestamp.now() }
    /// Login attempts per normalised email (10 per minute); nil: no throttling.
    public var loginLimiter: RateLimiter? = RateLimiter(limit: 10)
    /// Signups per caller key, e.g. the client's IP (5 per minute); nil: no throttling.
    public var signupLimiter: RateLimiter? = RateLimiter(limit: 5)
    /// How many times a decision is re-made when a concurrent change wins the race.
    public var conflictRetries = 3

    /// The production configuration.
    public init() {}
}
