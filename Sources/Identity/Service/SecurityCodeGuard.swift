import Synchronization

/// Brute-force protection of company security codes (reference §5), kept in memory.
///
/// Every attempt is counted as a failure before the code is compared, under the same lock
/// as the check, so concurrent guesses cannot all slip past it; a right code then takes its
/// count back. Past ``Limits/allowedFailures`` failures a key is locked for
/// ``Limits/firstLockout`` × 3ⁿ (n: the lockouts so far), capped at ``Limits/longestLockout``.
/// Failures are forgotten after ``Limits/failureMemory`` without one, the lockout count only
/// after ``Limits/lockoutMemory``, so the lockouts stay at their longest for someone who
/// keeps guessing. A restart forgets everything, which at worst gives a few more tries.
public final class SecurityCodeGuard: Sendable {
    /// How many failures a key may have, and how long it is locked after them (µs).
    public struct Limits: Sendable {
        /// Wrong codes allowed before the first lockout.
        public var allowedFailures: Int
        /// The first lockout.
        public var firstLockout: Int64
        /// The longest lockout.
        public var longestLockout: Int64
        /// How long failures are remembered.
        public var failureMemory: Int64
        /// How long the lockout count is remembered.
        public var lockoutMemory: Int64

        /// The reference's rule for one user typing one company's code: 3 wrong codes within
        /// 30 minutes, then 10 s × 3ⁿ capped at 30 minutes; lockouts remembered a day.
        public static let perUser = Limits(
            allowedFailures: 3, firstLockout: 10 * second, longestLockout: 30 * minute,
            failureMemory: 30 * minute, lockoutMemory: 24 * 60 * minute)

        /// The bound on one company's code whoever types it, so that many accounts cannot
        /// add up their tries: 10 wrong codes within a day, then 30 minutes and longer.
        public static let perCompany = Limits(
            allowedFailures: 10, firstLockout: 30 * minute, longestLockout: 24 * 60 * minute,
            failureMemory: 24 * 60 * minute, lockoutMemory: 7 * 24 * 60 * minute)

        static let second: Int64 = 1_000_000
        static let minute: Int64 = 60 * second
    }

    private struct Attempts {
        var failures = 0
        var lastFailure: Int64 = 0
        var lockouts = 0
        var lockedUntil: Int64 = 0
    }

    private let limits: Limits
    private let attempts = Mutex<[String: Attempts]>([:])

    /// An empty guard applying `limits`.
    public init(limits: Limits = .perUser) {
        self.limits = limits
    }

    /// Counts an attempt on `key` as a failure until ``recordSuccess(_:)`` takes it back.
    /// - Throws: ``IdentityError/tooManyRequests(retryAfterSeconds:)`` while `key` is locked;
    ///   the attempt is then not counted.
    public func beginAttempt(_ key: String, now: Int64) throws(IdentityError) {
        let refusedUntil = attempts.withLock { all -> Int64? in
            var entry = all[key] ?? Attempts()
            if now < entry.lockedUntil { return entry.lockedUntil }
            if now - entry.lastFailure > limits.lockoutMemory { entry = Attempts() }
            if now - entry.lastFailure > limits.failureMemory { entry.failures = 0 }
            entry.failures += 1
            entry.lastFailure = now
            if entry.failures >= limits.allowedFailures {
                entry.lockedUntil = now + lockout(after: entry.lockouts)
                entry.lockouts += 1
            }
            all[key] = entry
            return nil
        }
        if let refusedUntil {
            throw .tooManyRequests(
                retryAfterSeconds: Int((refusedUntil - now + 999_999) / 1_000_000))
        }
    }

    /// The end of the lockout `key` is under (µs), or nil when it is not locked at `now`.
    public func lockedUntil(_ key: String, now: Int64) -> Int64? {
        attempts.withLock { all in
            guard let until = all[key]?.lockedUntil, now < until else { return nil }
            return until
        }
    }

    /// Forgets `key`'s failures and lockouts after a right code.
    public func recordSuccess(_ key: String) {
        _ = attempts.withLock { $0.removeValue(forKey: key) }
    }

    /// Takes back the last attempt's count without forgetting the others, for an attempt that
    /// ended before any code was compared.
    public func withdrawAttempt(_ key: String) {
        attempts.withLock { all in
            guard var entry = all[key], entry.failures > 0 else { return }
            let locked = entry.failures >= limits.allowedFailures
            entry.failures -= 1
            if locked && entry.failures < limits.allowedFailures {
                entry.lockouts -= 1
                entry.lockedUntil = 0
            }
            all[key] = entry
        }
    }

    private func lockout(after lockouts: Int) -> Int64 {
        var delay = limits.firstLockout
        for _ in 0..<lockouts where delay < limits.longestLockout { delay *= 3 }
        return min(delay, limits.longestLockout)
    }
}
