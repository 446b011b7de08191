import Identity
import Synchronization

/// Short-lived, single-use download links: each token names a ``DownloadJob`` to run when
/// the link is followed, without the `Authorization` header, within ``lifetime`` and once.
///
/// Tokens live in memory only, at most ``capacity`` of them (the oldest are forgotten first):
/// a restart forgets the links handed out, which clients ask for again anyway, since each is
/// meant to be followed within seconds of being issued.
final class DownloadTokens: Sendable {
    /// What a client receives: the token and the link that carries it.
    struct Link: Sendable, Equatable {
        /// The token, 256 random bits in URL-safe base64.
        var token: String
        /// `<base URL>/download?token=<token>`.
        var downloadLink: String
    }

    /// How long a link works after it is issued.
    let lifetime: Duration
    /// The most tokens remembered; issuing one more forgets the oldest.
    let capacity: Int
    private let now: @Sendable () -> ContinuousClock.Instant
    private let state: Mutex<DownloadTokenTable>

    /// Makes an empty set of links.
    /// - Parameters:
    ///   - lifetime: how long each link works.
    ///   - capacity: the most tokens kept (at least 1).
    ///   - baseURL: what goes before `/download` in links (scheme, host, port), without a
    ///     trailing slash; ``setBaseURL(_:)`` may set it later, once the port is known.
    ///   - now: the clock, injected by tests.
    init(
        lifetime: Duration = .seconds(60), capacity: Int = 10_000, baseURL: String = "",
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        precondition(capacity >= 1, "a download token table holds at least one token")
        self.lifetime = lifetime
        self.capacity = capacity
        self.now = now
        state = Mutex(DownloadTokenTable(baseURL: baseURL))
    }

    /// Sets what goes before `/download` in the links issued from now on.
    func setBaseURL(_ baseURL: String) {
        state.withLock { $0.baseURL = baseURL }
    }

    /// What goes before the path in the links issued now (also used for road-control links).
    var baseURL: String { state.withLock { $0.baseURL } }

    /// How many tokens are remembered now (used and expired ones included until they are
    /// forgotten).
    var count: Int { state.withLock { $0.entries.count } }

    /// Issues a new link for `job`, forgetting expired tokens and, beyond ``capacity``, the
    /// oldest ones.
    func issue(_ job: DownloadJob) -> Link {
        let token = RandomToken.make()
        let instant = now()
        return state.withLock { table in
            table.insert(token, job: job, expiresAt: instant.advanced(by: lifetime))
            table.forgetOld(now: instant, capacity: capacity)
            return Link(token: token, downloadLink: table.baseURL + "/download?token=" + token)
        }
    }

    /// The job of `token`, which can never be redeemed again.
    /// - Throws: ``DownloadRefusal`` when the token is unknown, used or expired.
    func redeem(_ token: String) throws(DownloadRefusal) -> DownloadJob {
        let instant = now()
        return try state.withLock { table throws(DownloadRefusal) in
            try table.redeem(token, now: instant)
        }
    }
}
