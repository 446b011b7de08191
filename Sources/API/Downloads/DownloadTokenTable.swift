/// The tokens of ``DownloadTokens`` and their order of issue, guarded by its mutex.
struct DownloadTokenTable: Sendable {
    /// One issued token.
    struct Entry: Sendable {
        /// What following the link produces.
        var job: DownloadJob
        /// When the link stops working.
        var expiresAt: ContinuousClock.Instant
        /// Whether the link was followed already.
        var used = false
    }

    /// What goes before `/download` in links.
    var baseURL: String
    /// The remembered tokens.
    var entries: [String: Entry] = [:]
    /// Tokens in order of issue from `head` on (and so in order of expiry, the lifetime being
    /// the same for all); some may be gone from `entries` already.
    private var order: [String] = []
    private var head = 0

    /// Makes an empty table.
    init(baseURL: String) {
        self.baseURL = baseURL
    }

    /// Remembers a new token.
    mutating func insert(_ token: String, job: DownloadJob, expiresAt: ContinuousClock.Instant) {
        entries[token] = Entry(job: job, expiresAt: expiresAt)
        order.append(token)
    }

    /// Forgets tokens from the oldest on while they are expired or too many.
    mutating func forgetOld(now: ContinuousClock.Instant, capacity: Int) {
        while head < order.count {
            let token = order[head]
            if let entry = entries[token], entry.expiresAt > now, entries.count <= capacity {
                break
            }
            entries[token] = nil
            head += 1
        }
        if head >= 1_024, head * 2 >= order.count {
            order.removeFirst(head)
            head = 0
        }
    }

    /// Marks `token` used and returns its job; a used token stays until it expires, so that
    /// a second attempt is told why it fails.
    mutating func redeem(
        _ token: String, now: ContinuousClock.Instant
    ) throws(DownloadRefusal) -> DownloadJob {
        guard var entry = entries[token] else { throw .unknown }
        guard entry.expiresAt > now else {
            entries[token] = nil
            throw .expired
        }
        guard !entry.used else { throw .used }
        entry.used = true
        entries[token] = entry
        return entry.job
    }
}
