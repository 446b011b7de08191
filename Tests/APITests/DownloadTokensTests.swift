import Synchronization
import Testing

@testable import API

/// ``DownloadTokens`` on a clock the test moves: single use, expiry, the bound on how many
/// are kept, and the links' shape.
@Suite struct DownloadTokensTests {
    /// A clock that moves only when told.
    final class ManualClock: Sendable {
        private let instant = Mutex(ContinuousClock.now)

        /// The current instant.
        var now: ContinuousClock.Instant { instant.withLock { $0 } }

        /// Moves the clock forward.
        func advance(by duration: Duration) {
            instant.withLock { $0 = $0.advanced(by: duration) }
        }
    }

    static func job(_ user: String = "user-1") -> DownloadJob {
        .register(
            RegisterDownload(
                userId: user, sirets: ["12345678000014"], type: .outgoing, format: .csv, from: 0,
                to: Int64.max, companies: ["12345678000014"], issuedAt: 0))
    }

    static func tokens(
        _ clock: ManualClock, lifetime: Duration = .seconds(60), capacity: Int = 10
    ) -> DownloadTokens {
        DownloadTokens(
            lifetime: lifetime, capacity: capacity, baseURL: "http://api.test",
            now: { clock.now })
    }

    @Test func aTokenGivesItsJobOnceThenSaysItWasUsed() throws {
        let tokens = Self.tokens(ManualClock())
        let link = tokens.issue(Self.job())
        #expect(try tokens.redeem(link.token) == Self.job())
        #expect(throws: DownloadRefusal.used) { try tokens.redeem(link.token) }
    }

    @Test func aTokenPastItsLifetimeHasExpired() throws {
        let clock = ManualClock()
        let tokens = Self.tokens(clock, lifetime: .seconds(60))
        let late = tokens.issue(Self.job())
        let inTime = tokens.issue(Self.job("user-2"))
        clock.advance(by: .seconds(59))
        #expect(try tokens.redeem(inTime.token) == Self.job("user-2"))
        clock.advance(by: .seconds(1))
        #expect(throws: DownloadRefusal.expired) { try tokens.redeem(late.token) }
        #expect(throws: DownloadRefusal.unknown) { try tokens.redeem(late.token) }
    }

    @Test func beyondTheCapacityTheOldestTokensAreForgotten() throws {
        let tokens = Self.tokens(ManualClock(), capacity: 3)
        let links = (0..<5).map { tokens.issue(Self.job("user-\($0)")) }
        #expect(tokens.count == 3)
        #expect(throws: DownloadRefusal.unknown) { try tokens.redeem(links[0].token) }
        #expect(throws: DownloadRefusal.unknown) { try tokens.redeem(links[1].token) }
        #expect(try tokens.redeem(links[4].token) == Self.job("user-4"))
    }

    @Test func expiredTokensAreForgottenWhenNewOnesAreIssued() {
        let clock = ManualClock()
        let tokens = Self.tokens(clock, lifetime: .seconds(1), capacity: 100)
        for _ in 0..<20 { _ = tokens.issue(Self.job()) }
        clock.advance(by: .seconds(2))
        _ = tokens.issue(Self.job())
        #expect(tokens.count == 1)
    }

    @Test func tokensAreLongRandomAndCarriedInTheLink() {
        let tokens = Self.tokens(ManualClock(), capacity: 1_000)
        let links = (0..<200).map { _ in tokens.issue(Self.job()) }
        #expect(Set(links.map(\.token)).count == 200)
        for link in links {
            #expect(link.token.count == 43)
            #expect(link.downloadLink == "http://api.test/download?token=" + link.token)
        }
    }

    @Test func concurrentAttemptsRedeemATokenExactlyOnce() async {
        let tokens = Self.tokens(ManualClock())
        let link = tokens.issue(Self.job())
        let successes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<32 {
                group.addTask { (try? tokens.redeem(link.token)) != nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(successes == 1)
    }
}
