import Dispatch
import Ledger

/// The durable memory of `Idempotency-Key` requests: one record per (user, key), in a
/// ``SideStore`` of its own (`<data>/idempotency`), so that a retried mutation gets its
/// first answer back instead of running again.
///
/// A record is written as pending, durably, before the request runs, and replaced by the
/// answer once it is known; a record still pending after a crash stays pending until it is
/// purged, so a request is never run twice for one key. Records older than ``retention``
/// are purged (``purge()``). Writes run on one serial queue, off Swift's cooperative pool,
/// because each waits for the disk.
public final class IdempotencyStore: Sendable {
    /// The outcome of ``begin(user:key:fingerprint:)``.
    public enum Claim: Sendable, Equatable {
        /// The key was free: this pending record now holds it, and the caller runs the request.
        case claimed(IdempotencyRecord)
        /// The key was taken: the record found, pending or done.
        case taken(IdempotencyRecord)
    }

    /// How long records are kept at least.
    public let retention: Duration
    /// The records, by ``storageKey(user:key:)``.
    let store: SideStore
    /// Now, in microseconds since the epoch.
    let clock: @Sendable () -> Int64
    /// The serial queue every write (and the background purge) runs on.
    let writes = DispatchQueue(label: "bsd-ledger.idempotency.writes")

    /// Opens (creating if needed) the store in the folder `path`.
    /// - Parameters:
    ///   - retention: how long a record is kept; older ones go at the next purge.
    ///   - clock: now, in microseconds since the epoch (tests move it).
    public init(
        path: String, retention: Duration = .seconds(86_400),
        clock: @escaping @Sendable () -> Int64 = { Timestamp.now() }
    ) throws(IdempotencyStoreError) {
        do {
            store = try SideStore(path: path)
        } catch {
            throw .storage(error)
        }
        self.retention = retention
        self.clock = clock
    }

    /// Closes the store; later calls throw `.storage(.closed)`.
    public func close() {
        writes.sync { store.close() }
    }

    /// The record of `key` for `user`, if any.
    public func record(
        user: String, key: String
    ) throws(IdempotencyStoreError) -> IdempotencyRecord? {
        let found: IdempotencyRecord??
        do {
            found = try store.withValue(Self.storageKey(user: user, key: key)) { bytes in
                bytes.map { IdempotencyRecord(decoding: $0) }
            }
        } catch {
            throw .storage(error)
        }
        guard let found else { return nil }
        guard let found else { throw .unreadableRecord(user: user, key: key) }
        return found
    }

    /// Claims `key` for `user` with a pending record, durably, unless a record holds it;
    /// of concurrent claims of one key, exactly one gets ``Claim/claimed(_:)``.
    public func begin(
        user: String, key: String, fingerprint: Hash
    ) async throws(IdempotencyStoreError) -> Claim {
        let pending = IdempotencyRecord(fingerprint: fingerprint, createdAt: clock())
        let storageKey = Self.storageKey(user: user, key: key)
        let existing = try await onWriteQueue { () throws(LedgerError) in
            try self.store.insert(storageKey, pending.encoded())
        }
        guard let existing else { return .claimed(pending) }
        let decoded = existing.withUnsafeBytes { IdempotencyRecord(decoding: $0) }
        guard let decoded else { throw .unreadableRecord(user: user, key: key) }
        return .taken(decoded)
    }

    /// Stores the answer to the request that claimed `key` (`pending` is the claim's record).
    public func finish(
        user: String, key: String, pending: IdempotencyRecord, response: IdempotencyRecord.Response
    ) async throws(IdempotencyStoreError) {
        let done = IdempotencyRecord(
            fingerprint: pending.fingerprint, createdAt: pending.createdAt, response: response)
        let storageKey = Self.storageKey(user: user, key: key)
        let bytes = done.encoded()
        try await onWriteQueue { () throws(LedgerError) in
            try self.store.put(storageKey, bytes)
        }
    }

    /// The store's key: the user id, a zero byte, the key.
    static func storageKey(user: String, key: String) -> [UInt8] {
        Array(user.utf8) + [0] + Array(key.utf8)
    }

    /// Runs `work` on the write queue and waits for it without blocking a cooperative thread.
    func onWriteQueue<R: Sendable>(
        _ work: @escaping @Sendable () throws(LedgerError) -> R
    ) async throws(IdempotencyStoreError) -> R {
        let result: Result<R, LedgerError> = await withCheckedContinuation { continuation in
            writes.async {
                continuation.resume(returning: Result { () throws(LedgerError) -> R in try work() })
            }
        }
        do {
            return try result.get()
        } catch {
            throw .storage(error)
        }
    }
}
