import Ledger

/// How an ``IdentityService`` behaves; the defaults are the production ones.
public struct IdentityConfiguration: Sendable {
    /// The argon2id cost of new password hashes (libsodium's interactive limits).
    public var passwordHashing = PasswordHashing.interactive
    /// How long a login's JWT is valid, in seconds (24 hours).
    public var jwtLifetimeSeconds: Int64 = 24 * 3600
    /// The clock, in microseconds since the epoch; tests move it.
    public var clock: @Sendable () -> Int64 = { Timestamp.now() }
    /// Login attempts per normalised email from one client address (10 per minute), so that
    /// guessing one account's password is slow while its owner, elsewhere, can still log in;
    /// nil: no throttling.
    public var loginLimiter: RateLimiter? = RateLimiter(limit: 10)
    /// Login attempts from one client address, whatever the email (60 per minute), so that
    /// one address cannot try many accounts; nil: no throttling.
    public var loginAddressLimiter: RateLimiter? = RateLimiter(limit: 60)
    /// Signups per caller key, e.g. the client's IP (5 per minute); nil: no throttling.
    public var signupLimiter: RateLimiter? = RateLimiter(limit: 5)
    /// How many times a decision is re-made when a concurrent change wins the race.
    public var conflictRetries = 3

    /// The production configuration.
    public init() {}
}
