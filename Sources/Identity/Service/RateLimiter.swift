import Synchronization

/// A token bucket per key: `limit` requests per `interval`, refilled continuously. Used for
/// login and signup throttling here, and by the API for its per-token and per-IP limits.
///
/// State is in memory, one bucket per key seen; a restart forgets it.
public final class RateLimiter: Sendable {
    /// The answer to one request, with what `X-RateLimit-*` headers need.
    public struct Decision: Equatable, Sendable {
        /// Whether the request may go on.
        public var allowed: Bool
        /// The bucket's capacity (`X-RateLimit-Limit`).
        public var limit: Int
        /// Requests left now (`X-RateLimit-Remaining`).
        public var remaining: Int
        /// Seconds until the bucket is full again (`X-RateLimit-Reset`); when refused, also
        /// the earliest useful retry is within this delay.
        public var resetSeconds: Int
        /// Seconds until one request is allowed again (`Retry-After`); 0 when allowed.
        public var retryAfterSeconds: Int
    }

    private struct Bucket {
        var tokens: Double
        var updatedAt: Int64
    }

    /// The bucket's capacity.
    public let limit: Int
    private let interval: Int64
    private let buckets = Mutex<[String: Bucket]>([:])

    /// A limiter of `limit` requests per `intervalSeconds` (default: one minute) per key.
    public init(limit: Int, intervalSeconds: Int64 = 60) {
        precondition(limit > 0 && intervalSeconds > 0, "a rate limit needs a positive rate")
        self.limit = limit
        interval = intervalSeconds * 1_000_000
    }

    /// Takes one request from `key`'s bucket at `now` (µs).
    public func take(_ key: String, now: Int64) -> Decision {
        let perMicrosecond = Double(limit) / Double(interval)
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: Double(limit), updatedAt: now)
            let elapsed = Double(max(0, now - bucket.updatedAt))
            bucket.tokens = min(Double(limit), bucket.tokens + elapsed * perMicrosecond)
            bucket.updatedAt = now
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            buckets[key] = bucket
            if buckets.count > 100_000 { Self.prune(&buckets, now: now, interval: interval) }
            let missing = Double(limit) - bucket.tokens
            let wait = allowed ? 0 : (1 - bucket.tokens) / perMicrosecond
            return Decision(
                allowed: allowed, limit: limit, remaining: Int(bucket.tokens),
                resetSeconds: Int((missing / perMicrosecond / 1_000_000).rounded(.up)),
                retryAfterSeconds: Int((wait / 1_000_000).rounded(.up)))
        }
    }

    /// Drops buckets idle for a whole interval: they would be full anyway.
    private static func prune(_ buckets: inout [String: Bucket], now: Int64, interval: Int64) {
        buckets = buckets.filter { now - $0.value.updatedAt < interval }
    }
}
