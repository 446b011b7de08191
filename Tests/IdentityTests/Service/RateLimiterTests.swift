import Identity
import Testing

@Suite struct RateLimiterTests {
    @Test func bucketEmptiesThenRefillsOverTheMinute() {
        let limiter = RateLimiter(limit: 3)
        let start: Int64 = 5_000_000
        let answers = (0..<4).map { _ in limiter.take("ip", now: start) }
        #expect(answers.map(\.allowed) == [true, true, true, false])
        #expect(answers.map(\.remaining) == [2, 1, 0, 0])
        #expect(answers[3].limit == 3)
        #expect(answers[3].retryAfterSeconds == 20)
        #expect(answers[3].resetSeconds == 60)
        let later = limiter.take("ip", now: start + 20_000_000)
        #expect(later.allowed)
        #expect(later.remaining == 0)
        #expect(limiter.take("other", now: start).remaining == 2)
    }

    @Test func fullBucketNeverExceedsItsLimit() {
        let limiter = RateLimiter(limit: 2, intervalSeconds: 1)
        _ = limiter.take("k", now: 0)
        let decision = limiter.take("k", now: 3_600_000_000)
        #expect(decision.remaining == 1)
        #expect(decision.resetSeconds == 1)
    }
}
