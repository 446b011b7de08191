/// When the attempts of one delivery happen: the first at once, then one after each delay
/// (counted from the previous failure), each moved by up to ± `jitter` of itself so that
/// endpoints failing together do not retry together.
public struct RetrySchedule: Sendable, Equatable {
    /// The delay before attempt n + 2, for n from 0; its count is the number of retries.
    public var delays: [Duration]
    /// The relative spread of each delay, from 0 (none) to 1.
    public var jitter: Double
    /// The wait after a 429 that gives no `Retry-After`.
    public var throttleMinimum: Duration = .seconds(60)

    /// About 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h: eight attempts over about 27 h.
    public static let standard = RetrySchedule(
        delays: [5, 300, 1_800, 7_200, 18_000, 36_000, 36_000].map { .seconds($0) }, jitter: 0.2)

    /// Makes a schedule.
    public init(delays: [Duration], jitter: Double = 0.2) {
        precondition((0...1).contains(jitter), "jitter is a fraction of the delay")
        self.delays = delays
        self.jitter = jitter
    }

    /// The wait before the next attempt after `failures` failed attempts (from 1), or nil
    /// when the schedule is exhausted.
    /// - Parameters:
    ///   - retryAfter: the receiver's `Retry-After`, honoured up to the schedule's longest
    ///     delay so that a receiver cannot park an endpoint for longer than the schedule.
    ///   - unit: a number in [-1, 1] that places the delay inside its jitter band.
    public func delay(
        afterFailures failures: Int, retryAfter: Duration? = nil, unit: Double
    ) -> Duration? {
        guard failures >= 1, failures <= delays.count else { return nil }
        let base = delays[failures - 1]
        let spread = base * (jitter * max(-1, min(1, unit)))
        var wait = base + spread
        if let retryAfter, let longest = delays.max() { wait = max(wait, min(retryAfter, longest)) }
        return max(wait, .zero)
    }

    /// The wait after a 429 (Too Many Requests), which is not a failure: the receiver asks
    /// for a pause, so its `Retry-After` is honoured (at least 1 s), else the pause is
    /// ``throttleMinimum``; either way no longer than the schedule's longest delay or
    /// ``throttleMinimum``, whichever is greater, so a receiver cannot park its endpoint for
    /// days with one answer.
    public func throttleDelay(retryAfter: Duration?) -> Duration {
        let ceiling = max(delays.max() ?? .zero, throttleMinimum)
        guard let retryAfter else { return min(throttleMinimum, ceiling) }
        return min(max(retryAfter, .seconds(1)), ceiling)
    }

    /// ``delay(afterFailures:retryAfter:unit:)`` with a random place in the jitter band.
    public func delay(afterFailures failures: Int, retryAfter: Duration? = nil) -> Duration? {
        delay(afterFailures: failures, retryAfter: retryAfter, unit: .random(in: -1...1))
    }
}
