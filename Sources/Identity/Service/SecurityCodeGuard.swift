import Synchronization

/// Brute-force protection of company security codes, per user and company (reference §5):
/// 3 wrong codes within 30 minutes lock the pair for 10 s × 3ⁿ (n counts the lockouts so far,
/// capped at 30 minutes); a right code, or 30 minutes without a wrong one, starts afresh.
///
/// In memory: a restart forgets failures, which at worst gives an attacker 3 more tries.
public final class SecurityCodeGuard: Sendable {
    private struct Attempts {
        var failures = 0
        var lastFailure: Int64 = 0
        var lockouts = 0
        var lockedUntil: Int64 = 0
    }

    /// Wrong codes allowed before the first lockout.
    public static let allowedFailures = 3
    /// How long failures are remembered, and the longest lockout (µs).
    public static let window: Int64 = 30 * 60 * 1_000_000
    /// The first lockout (µs).
    public static let firstLockout: Int64 = 10 * 1_000_000

    private let attempts = Mutex<[String: Attempts]>([:])

    /// An empty guard.
    public init() {}

    /// Throws ``IdentityError/tooManyRequests(retryAfterSeconds:)`` while `key` is locked.
    public func checkAllowed(_ key: String, now: Int64) throws(IdentityError) {
        let until = attempts.withLock { $0[key]?.lockedUntil ?? 0 }
        if now < until {
            throw .tooManyRequests(retryAfterSeconds: Int((until - now + 999_999) / 1_000_000))
        }
    }

    /// Records a wrong code; returns the lockout end (µs) when this failure locks the key.
    @discardableResult
    public func recordFailure(_ key: String, now: Int64) -> Int64? {
        attempts.withLock { all in
            var entry = all[key] ?? Attempts()
            if now - entry.lastFailure > Self.window { entry = Attempts() }
            entry.failures += 1
            entry.lastFailure = now
            var locked: Int64?
            if entry.failures >= Self.allowedFailures {
                var delay = Self.firstLockout
                for _ in 0..<entry.lockouts where delay < Self.window { delay *= 3 }
                entry.lockedUntil = now + min(delay, Self.window)
                entry.lockouts += 1
                locked = entry.lockedUntil
            }
            all[key] = entry
            return locked
        }
    }

    /// Forgets `key`'s failures after a right code.
    public func recordSuccess(_ key: String) {
        _ = attempts.withLock { $0.removeValue(forKey: key) }
    }
}
