import CLMDB
import Glibc

/// A small durable key-value store in an LMDB environment of its own, for data that lives
/// beside the ledger but is not part of it (idempotency records, caches worth keeping).
///
/// Keys are at most ``maximumKeyLength`` bytes and sorted bytewise; values are any bytes.
/// Every write is one transaction committed with LMDB's full sync, so a call that returns
/// has reached the disk. Reads are short read transactions that never block writers; writes
/// are serialised by LMDB. The map grows by doubling when full, as the ledger's does. The
/// calls block their thread (a write waits for the disk): call them off Swift's cooperative
/// pool when latency matters.
public final class SideStore: @unchecked Sendable {
    // `environment` is thread-safe per LMDB (MDB_NOTLS); `mapSize` and `isClosed` change
    // only inside `lock.withExclusive`, and every transaction runs inside `lock.withShared`.
    private let environment: OpaquePointer
    /// The environment's main (unnamed) database, which holds every entry.
    let database: Database
    private let lock = ReadWriteLock()
    private var mapSize: Int
    private var isClosed = false
    private let folderKey: String

    /// LMDB's limit on key length in bytes.
    public static let maximumKeyLength = 511

    /// Opens (creating if needed) the store in the folder `path`, whose parent must exist.
    /// - Parameter initialMapSize: the first map size in bytes; it doubles when full.
    /// - Throws: ``LedgerError/alreadyOpen(path:)`` when this process has the folder open,
    ///   ``LedgerError/storage(operation:code:message:)`` when LMDB or the file system fails.
    public init(path: String, initialMapSize: Int = 16 << 20) throws(LedgerError) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw .storage(
                operation: "mkdir \(path)", code: errno, message: String(cString: strerror(errno)))
        }
        let key = try OpenFolders.claim(path)
        do throws(LedgerError) {
            (environment, database, mapSize) = try Self.open(path, mapSize: initialMapSize)
        } catch {
            OpenFolders.release(key)
            throw error
        }
        folderKey = key
    }

    private static func open(
        _ path: String, mapSize: Int
    ) throws(LedgerError) -> (OpaquePointer, Database, Int) {
        var created: OpaquePointer?
        try LMDB.check(mdb_env_create(&created), "mdb_env_create")
        let env = created!
        do throws(LedgerError) {
            try LMDB.check(mdb_env_set_mapsize(env, mapSize), "mdb_env_set_mapsize")
            try LMDB.check(mdb_env_open(env, path, UInt32(MDB_NOTLS), 0o644), "mdb_env_open")
            var reclaimed: Int32 = 0
            mdb_reader_check(env, &reclaimed)
            var txn: OpaquePointer?
            try LMDB.check(mdb_txn_begin(env, nil, 0, &txn), "mdb_txn_begin")
            var handle: MDB_dbi = 0
            let code = mdb_dbi_open(txn, nil, 0, &handle)
            guard code == 0 else {
                mdb_txn_abort(txn)
                throw LMDB.failure(code, "mdb_dbi_open")
            }
            try LMDB.check(mdb_txn_commit(txn), "mdb_txn_commit")
            var info = MDB_envinfo()
            mdb_env_info(env, &info)
            return (env, Database(name: "", handle: handle), max(mapSize, info.me_mapsize))
        } catch {
            mdb_env_close(env)
            throw error
        }
    }

    /// Closes the environment and gives the folder back; later calls throw
    /// ``LedgerError/closed``. Idempotent.
    public func close() {
        lock.withExclusive {
            guard !isClosed else { return }
            isClosed = true
            mdb_env_close(environment)
            OpenFolders.release(folderKey)
        }
    }

    deinit { close() }

    /// Runs `body` in a short read-only transaction.
    func read<R>(_ body: (Transaction) throws(LedgerError) -> R) throws(LedgerError) -> R {
        try lock.withShared { () throws(LedgerError) -> R in
            guard !isClosed else { throw .closed }
            var txn: OpaquePointer?
            try LMDB.check(
                mdb_txn_begin(environment, nil, UInt32(MDB_RDONLY), &txn), "mdb_txn_begin")
            defer { mdb_txn_abort(txn) }
            return try body(Transaction(pointer: txn!))
        }
    }

    /// Runs `body` in a write transaction and commits it durably; when the map is full, grows
    /// it and runs `body` again, so `body` must only read and write the store.
    func write<R>(_ body: (Transaction) throws(LedgerError) -> R) throws(LedgerError) -> R {
        while true {
            if case .done(let result) = try attempt(body) { return result }
            try grow()
        }
    }

    private enum Attempt<R> {
        case done(R)
        case mapFull
    }

    private func attempt<R>(
        _ body: (Transaction) throws(LedgerError) -> R
    ) throws(LedgerError) -> Attempt<R> {
        try lock.withShared { () throws(LedgerError) -> Attempt<R> in
            guard !isClosed else { throw .closed }
            var txn: OpaquePointer?
            try LMDB.check(mdb_txn_begin(environment, nil, 0, &txn), "mdb_txn_begin")
            let result: R
            do throws(LedgerError) {
                result = try body(Transaction(pointer: txn!))
            } catch {
                mdb_txn_abort(txn)
                if case .storage(_, LMDB.mapFull, _) = error { return .mapFull }
                throw error
            }
            // A failed commit frees the transaction itself.
            let code = mdb_txn_commit(txn)
            if code == LMDB.mapFull { return .mapFull }
            try LMDB.check(code, "mdb_txn_commit")
            return .done(result)
        }
    }

    /// Doubles the map size; no transaction may be open, hence the exclusive lock.
    private func grow() throws(LedgerError) {
        try lock.withExclusive { () throws(LedgerError) in
            guard !isClosed else { throw .closed }
            let next = mapSize * 2
            try LMDB.check(mdb_env_set_mapsize(environment, next), "mdb_env_set_mapsize")
            mapSize = next
        }
    }
}
