import Synchronization

/// Verified JWTs by their text, with user and expiry; bounded, and emptied when full.
final class VerifiedTokenCache: Sendable {
    private struct Entry {
        var user: String
        var expiry: Int64
    }

    private let entries = Mutex<[String: Entry]>([:])
    let capacity: Int

    init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    /// The user of `token` when it was verified before and has not expired at `now` (s).
    func user(for token: String, now: Int64) -> String? {
        entries.withLock { entries in
            guard let entry = entries[token] else { return nil }
            guard now < entry.expiry else {
                entries[token] = nil
                return nil
            }
            return entry.user
        }
    }

    /// Remembers a verified token until `expiry` (s).
    func store(_ token: String, user: String, expiry: Int64) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[token] = Entry(user: user, expiry: expiry)
        }
    }
}
