import Identity
import Testing

@Suite struct SecurityCodeTests {
    private let second: Int64 = 1_000_000

    @Test func threeFailuresLockForTenSecondsThenThreeTimesLonger() throws {
        let guardian = SecurityCodeGuard()
        var now: Int64 = 0
        #expect(guardian.recordFailure("u:s", now: now) == nil)
        #expect(guardian.recordFailure("u:s", now: now) == nil)
        #expect(guardian.recordFailure("u:s", now: now) == 10 * second)
        #expect(throws: IdentityError.tooManyRequests(retryAfterSeconds: 10)) {
            try guardian.checkAllowed("u:s", now: now)
        }
        try guardian.checkAllowed("u:other", now: now)
        now += 10 * second
        try guardian.checkAllowed("u:s", now: now)
        #expect(guardian.recordFailure("u:s", now: now) == now + 30 * second)
        now += 30 * second
        #expect(guardian.recordFailure("u:s", now: now) == now + 90 * second)
    }

    @Test func lockoutIsCappedAtThirtyMinutes() {
        let guardian = SecurityCodeGuard()
        var now: Int64 = 0
        var last: Int64 = 0
        for _ in 0..<12 {
            if let until = guardian.recordFailure("k", now: now) {
                last = until - now
                now = until
            }
        }
        #expect(last == 1800 * second)
    }

    @Test func rightCodeOrThirtyQuietMinutesStartAfresh() throws {
        let guardian = SecurityCodeGuard()
        guardian.recordFailure("k", now: 0)
        guardian.recordFailure("k", now: 0)
        guardian.recordSuccess("k")
        #expect(guardian.recordFailure("k", now: 0) == nil)
        #expect(guardian.recordFailure("k", now: 0) == nil)
        #expect(guardian.recordFailure("k", now: 1801 * second) == nil)
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
