import Ledger

/// Why the idempotency store could not answer.
public enum IdempotencyStoreError: Error, Equatable, Sendable {
    /// LMDB or the file system failed (or the store is closed).
    case storage(LedgerError)
    /// A stored record that does not decode; the key cannot be used until it is purged.
    case unreadableRecord(user: String, key: String)
}
