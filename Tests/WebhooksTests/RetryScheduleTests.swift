import Testing

@testable import Webhooks

@Suite struct RetryScheduleTests {
    @Test func standardScheduleHasSevenRetriesFromFiveSecondsToTenHours() {
        let schedule = RetrySchedule.standard
        let expected: [Int64] = [5, 300, 1_800, 7_200, 18_000, 36_000, 36_000]
        for (index, seconds) in expected.enumerated() {
            #expect(schedule.delay(afterFailures: index + 1, unit: 0) == .seconds(seconds))
        }
        #expect(schedule.delay(afterFailures: 8, unit: 0) == nil)
        #expect(schedule.delay(afterFailures: 0, unit: 0) == nil)
    }

    @Test func jitterStaysWithinTwentyPercent() {
        let schedule = RetrySchedule.standard
        #expect(schedule.delay(afterFailures: 2, unit: -1) == .seconds(240))
        #expect(schedule.delay(afterFailures: 2, unit: 1) == .seconds(360))
        for _ in 0..<200 {
            let delay = schedule.delay(afterFailures: 1)!
            #expect(delay >= .seconds(4) && delay <= .seconds(6))
        }
    }

    @Test func retryAfterLengthensTheWaitUpToTheLongestDelay() {
        let schedule = RetrySchedule(delays: [.milliseconds(10), .milliseconds(50)], jitter: 0)
        #expect(
            schedule.delay(afterFailures: 1, retryAfter: .milliseconds(30), unit: 0)
                == .milliseconds(30))
        #expect(
            schedule.delay(afterFailures: 1, retryAfter: .seconds(3_600), unit: 0)
                == .milliseconds(50))
        #expect(
            schedule.delay(afterFailures: 2, retryAfter: .milliseconds(1), unit: 0)
                == .milliseconds(50))
    }

    @Test func aThrottleHonoursRetryAfterFromOneSecondUpToTheLongerBound() {
        let quick = RetrySchedule(delays: [.milliseconds(20), .milliseconds(20)], jitter: 0)
        #expect(quick.throttleDelay(retryAfter: .seconds(1)) == .seconds(1))
        #expect(quick.throttleDelay(retryAfter: .zero) == .seconds(1))
        #expect(quick.throttleDelay(retryAfter: nil) == .seconds(60))
        #expect(quick.throttleDelay(retryAfter: .seconds(3_600)) == .seconds(60))
        let standard = RetrySchedule.standard
        #expect(standard.throttleDelay(retryAfter: .seconds(7_200)) == .seconds(7_200))
        #expect(standard.throttleDelay(retryAfter: .seconds(90_000)) == .seconds(36_000))
        #expect(standard.throttleDelay(retryAfter: nil) == standard.throttleMinimum)
    }
}
