import Identity
import Testing

@Suite struct SecurityCodeTests {
    private let second: Int64 = 1_000_000

    /// Makes `count` attempts on `key` at `now`, none of them right.
    private func fail(_ guardian: SecurityCodeGuard, _ key: String, _ count: Int, now: Int64) throws
    {
        for _ in 0..<count { try guardian.beginAttempt(key, now: now) }
    }

    private func retryAfter(_ guardian: SecurityCodeGuard, _ key: String, now: Int64) -> Int? {
        do {
            try guardian.beginAttempt(key, now: now)
            return nil
        } catch {
            guard case .tooManyRequests(let seconds) = error else { return -1 }
            return seconds
        }
    }

    @Test func threeFailuresLockForTenSecondsThenThreeTimesLonger() throws {
        let guardian = SecurityCodeGuard()
        var now: Int64 = 0
        try fail(guardian, "u:s", 3, now: now)
        #expect(retryAfter(guardian, "u:s", now: now) == 10)
        #expect(guardian.lockedUntil("u:s", now: now) == 10 * second)
        #expect(retryAfter(guardian, "u:other", now: now) == nil)
        now += 10 * second
        try fail(guardian, "u:s", 1, now: now)
        #expect(guardian.lockedUntil("u:s", now: now) == now + 30 * second)
        now += 30 * second
        try fail(guardian, "u:s", 1, now: now)
        #expect(guardian.lockedUntil("u:s", now: now) == now + 90 * second)
    }

    @Test func aRefusedAttemptDoesNotCountAndLockoutsStayAtTheirLongest() throws {
        let guardian = SecurityCodeGuard()
        var now: Int64 = 0
        var longest: Int64 = 0
        for _ in 0..<12 {
            try fail(guardian, "k", 1, now: now)
            if let until = guardian.lockedUntil("k", now: now) {
                longest = until - now
                #expect(retryAfter(guardian, "k", now: now) != nil)
                now = until
            }
        }
        #expect(longest == 1800 * second)
        // The lockout that follows 30 quiet minutes is as long as the last one: the lockout
        // count outlives the failures.
        now += 1801 * second
        try fail(guardian, "k", 3, now: now)
        #expect(guardian.lockedUntil("k", now: now) == now + 1800 * second)
    }

    @Test func rightCodeOrThirtyQuietMinutesForgetTheFailures() throws {
        let guardian = SecurityCodeGuard()
        try fail(guardian, "k", 2, now: 0)
        try guardian.beginAttempt("k", now: 0)
        guardian.recordSuccess("k")
        try fail(guardian, "k", 2, now: 0)
        try fail(guardian, "k", 2, now: 1801 * second)
        #expect(guardian.lockedUntil("k", now: 1801 * second) == nil)
        try fail(guardian, "k", 1, now: 1801 * second)
        #expect(guardian.lockedUntil("k", now: 1801 * second) != nil)
    }

    @Test func concurrentGuessesCannotAllPassTheCheck() async throws {
        let guardian = SecurityCodeGuard()
        let passed = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<64 {
                group.addTask { (try? guardian.beginAttempt("k", now: 0)) != nil }
            }
            var count = 0
            for await one in group where one { count += 1 }
            return count
        }
        #expect(passed == SecurityCodeGuard.Limits.perUser.allowedFailures)
    }

    @Test func aWithdrawnAttemptGivesItsTryBack() throws {
        let guardian = SecurityCodeGuard()
        try fail(guardian, "k", 3, now: 0)
        #expect(guardian.lockedUntil("k", now: 0) != nil)
        guardian.withdrawAttempt("k")
        #expect(guardian.lockedUntil("k", now: 0) == nil)
        try fail(guardian, "k", 1, now: 0)
        #expect(guardian.lockedUntil("k", now: 0) == 10 * second)
    }

    @Test func manyAccountsCannotAddUpTheirTriesOnOneCompanysCode() async throws {
        let harness = try IdentityHarness()
        let admin = try await harness.signup("admin@example.org")
        let company = try await harness.company(by: admin)
        let wrong = company.securityCode == "1000" ? "1001" : "1000"
        var refused = 0
        for index in 0..<6 {
            let user = try await harness.signup("guesser\(index)@example.org")
            for _ in 0..<2 {
                do {
                    try harness.service.checkSecurityCode(
                        userId: user, orgId: Fixture.siret, code: wrong)
                } catch IdentityError.tooManyRequests {
                    refused += 1
                } catch IdentityError.wrongSecurityCode {}
            }
        }
        // 12 guesses from 6 accounts: the company's code takes 10 wrong ones, then locks.
        #expect(refused == 2)
        let late = try await harness.signup("late@example.org")
        #expect(throws: IdentityError.tooManyRequests(retryAfterSeconds: 1800)) {
            try harness.service.checkSecurityCode(
                userId: late, orgId: Fixture.siret, code: company.securityCode)
        }
    }

    @Test func serviceChecksCodesWithBruteForceProtection() async throws {
        let harness = try IdentityHarness()
        let admin = try await harness.signup("admin@example.org")
        let driver = try await harness.signup("driver@example.org")
        let company = try await harness.company(by: admin)
        let wrong = company.securityCode == "1000" ? "1001" : "1000"
        try harness.service.checkSecurityCode(
            userId: driver, orgId: Fixture.siret, code: company.securityCode)
        #expect(
            throws: IdentityError.invalidInput([InputIssue("securityCode", .invalidSecurityCode)])
        ) {
            try harness.service.checkSecurityCode(
                userId: driver, orgId: Fixture.siret, code: "12a4")
        }
        for _ in 0..<3 {
            #expect(throws: IdentityError.wrongSecurityCode(orgId: Fixture.siret)) {
                try harness.service.checkSecurityCode(
                    userId: driver, orgId: Fixture.siret, code: wrong)
            }
        }
        #expect(throws: IdentityError.tooManyRequests(retryAfterSeconds: 10)) {
            try harness.service.checkSecurityCode(
                userId: driver, orgId: Fixture.siret, code: company.securityCode)
        }
        try harness.service.checkSecurityCode(
            userId: admin, orgId: Fixture.siret, code: company.securityCode)
        harness.clock.advance(seconds: 10)
        try harness.service.checkSecurityCode(
            userId: driver, orgId: Fixture.siret, code: company.securityCode)
    }
}
