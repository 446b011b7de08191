import Ledger
import Logging

extension IdempotencyStore {
    /// Removes the records created more than ``retention`` ago, by the store's clock; a
    /// record rewritten since it was found old is kept.
    /// - Returns: how many records were removed.
    public func purge() throws(IdempotencyStoreError) -> Int {
        do {
            return try removeExpired()
        } catch {
            throw .storage(error)
        }
    }

    /// Purges now, logging the outcome (at debug, or error on failure); blocks its thread.
    func purge(logger: Logger) {
        do {
            let removed = try removeExpired()
            logger.debug(
                "Idempotency records purged", metadata: ["idempotency.removed": String(removed)])
        } catch {
            logger.error("Idempotency purge failed", metadata: ["idempotency.error": "\(error)"])
        }
    }

    /// Purges every `interval` until the task is cancelled.
    func purgeRegularly(every interval: Duration, logger: Logger) -> Task<Void, Never> {
        Task.detached { [self] in
            while true {
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
                await withCheckedContinuation { continuation in
                    writes.async {
                        self.purge(logger: logger)
                        continuation.resume()
                    }
                }
            }
        }
    }

    /// Finds old records in short read transactions, then deletes those still old in chunks.
    private func removeExpired() throws(LedgerError) -> Int {
        let (seconds, attoseconds) = retention.components
        let cutoff = clock() - seconds * 1_000_000 - attoseconds / 1_000_000_000_000
        let expired: @Sendable (UnsafeRawBufferPointer) -> Bool = { value in
            // A record that does not decode can never be answered: it goes too.
            (IdempotencyRecord.createdAt(in: value) ?? .min) < cutoff
        }
        var keys: [[UInt8]] = []
        try store.forEach(prefix: []) { key, value throws(LedgerError) in
            if expired(value) { keys.append(key) }
            return true
        }
        var removed = 0
        var start = 0
        while start < keys.count {
            let end = min(start + 1_000, keys.count)
            removed += try store.delete(Array(keys[start..<end]), where: expired)
            start = end
        }
        return removed
    }
}
