import CLMDB
import Glibc

/// The ledger's LMDB environment: one file pair in the data folder, the log's databases and
/// the projections' databases, and the map size that grows when full.
final class Environment: @unchecked Sendable {
    // `pointer` is thread-safe per LMDB (MDB_NOTLS); `mapSize` and `isClosed` change only
    // inside `resizeLock.withExclusive`, and database handles are fixed after init.
    let pointer: OpaquePointer
    let log: Database
    let eventIDs: Database
    let streams: Database
    let meta: Database
    /// The Merkle tree's complete nodes at the stored levels (see ``MerkleTree``).
    let merkle: Database
    let extra: [String: Database]
    let resizeLock = ReadWriteLock()
    private(set) var mapSize: Int
    private(set) var isClosed = false

    init(path: String, options: LedgerOptions, extraDatabases: [String]) throws(LedgerError) {
        var env: OpaquePointer?
        try LMDB.check(mdb_env_create(&env), "mdb_env_create")
        pointer = env!
        mapSize = options.initialMapSize
        let retired: [(String, Int)]
        do {
            try LMDB.check(mdb_env_set_maxdbs(pointer, 64), "mdb_env_set_maxdbs")
            try LMDB.check(mdb_env_set_maxreaders(pointer, 1024), "mdb_env_set_maxreaders")
            try LMDB.check(mdb_env_set_mapsize(pointer, mapSize), "mdb_env_set_mapsize")
            let flags = UInt32(MDB_NOTLS) | options.durability.lmdbFlags
            try LMDB.check(mdb_env_open(pointer, path, flags, 0o644), "mdb_env_open")
            var reclaimed: Int32 = 0
            mdb_reader_check(pointer, &reclaimed)
            let core = ["log", "event-ids", "streams", "meta", MerkleStore.databaseName]
            let handles: [String: Database]
            (handles, retired) = try Self.openDatabases(pointer, core + extraDatabases)
            log = handles["log"]!
            eventIDs = handles["event-ids"]!
            streams = handles["streams"]!
            meta = handles["meta"]!
            merkle = handles[MerkleStore.databaseName]!
            extra = handles.filter { extraDatabases.contains($0.key) }
        } catch {
            mdb_env_close(pointer)
            throw error
        }
        var info = MDB_envinfo()
        mdb_env_info(pointer, &info)
        mapSize = max(mapSize, info.me_mapsize)
        for (name, entries) in retired {
            options.logger.info(
                "Removed a database of an earlier layout",
                metadata: ["ledger.database": name, "ledger.database.entries": String(entries)])
        }
    }

    /// Databases of earlier layouts that hold only what the log can give again, removed at
    /// open: `merkle` kept every inner node of the Merkle tree (the tree is now in
    /// ``MerkleStore/databaseName`` and is built from the log at open). A version that still
    /// uses one creates it afresh and rebuilds it, so moving between versions loses nothing.
    static let retiredDatabases = ["merkle"]

    /// Opens (creating) the databases named, checks the format marker and removes the
    /// ``retiredDatabases`` found, in one write transaction; returns the handles and the
    /// removed databases with their entry counts.
    private static func openDatabases(
        _ env: OpaquePointer, _ names: [String]
    ) throws(LedgerError) -> ([String: Database], [(String, Int)]) {
        var txn: OpaquePointer?
        try LMDB.check(mdb_txn_begin(env, nil, 0, &txn), "mdb_txn_begin")
        var handles: [String: Database] = [:]
        var retired: [(String, Int)] = []
        do throws(LedgerError) {
            for name in names {
                var handle: MDB_dbi = 0
                try LMDB.check(mdb_dbi_open(txn, name, UInt32(MDB_CREATE), &handle), "mdb_dbi_open")
                handles[name] = Database(name: name, handle: handle)
            }
            try checkFormat(Transaction(pointer: txn!), meta: handles["meta"]!)
            for name in retiredDatabases {
                if let entries = try removeDatabase(name, in: txn!) {
                    retired.append((name, entries))
                }
            }
        } catch {
            mdb_txn_abort(txn)
            throw error
        }
        try LMDB.check(mdb_txn_commit(txn), "mdb_txn_commit")
        return (handles, retired)
    }

    /// Removes the database `name` if it exists; returns how many entries it held.
    private static func removeDatabase(
        _ name: String, in txn: OpaquePointer
    ) throws(LedgerError) -> Int? {
        var handle: MDB_dbi = 0
        let code = mdb_dbi_open(txn, name, 0, &handle)
        if code == LMDB.notFound { return nil }
        try LMDB.check(code, "mdb_dbi_open")
        var stat = MDB_stat()
        try LMDB.check(mdb_stat(txn, handle, &stat), "mdb_stat")
        try LMDB.check(mdb_drop(txn, handle, 1), "mdb_drop")
        return stat.ms_entries
    }

    /// The layout version of the records and indexes, written when the ledger is created.
    static let format = Array("bsd-ledger/1".utf8)

    /// Marks a new ledger with ``format``; refuses a ledger written in another layout.
    private static func checkFormat(_ transaction: Transaction, meta: Database) throws(LedgerError)
    {
        let key = Array("format".utf8)
        guard let found = try transaction.get(meta, key) else {
            try transaction.put(meta, key, format)
            return
        }
        guard found == format else {
            throw .incompatibleFormat(found: String(decoding: found, as: UTF8.self))
        }
    }

    /// Runs `body` in a short read-only transaction. When another process (a server beside
    /// a reading command) grew the file past this process's map, the map is enlarged to
    /// match and the transaction begun again.
    func read<R>(_ body: (Transaction) throws(LedgerError) -> R) throws(LedgerError) -> R {
        while true {
            let attempt = try resizeLock.withShared {
                () throws(LedgerError) -> ReadAttempt<R> in
                guard !isClosed else { throw .closed }
                var txn: OpaquePointer?
                let code = mdb_txn_begin(pointer, nil, UInt32(MDB_RDONLY), &txn)
                if code == MDB_MAP_RESIZED { return .mapResized }
                try LMDB.check(code, "mdb_txn_begin")
                defer { mdb_txn_abort(txn) }
                return .done(try body(Transaction(pointer: txn!)))
            }
            if case .done(let result) = attempt { return result }
            try adoptGrownMap()
        }
    }

    /// Takes on the map size another process grew the file to; no transaction may be open.
    private func adoptGrownMap() throws(LedgerError) {
        try resizeLock.withExclusive { () throws(LedgerError) in
            guard !isClosed else { throw .closed }
            // A size of zero adopts the size the file's meta page records.
            try LMDB.check(mdb_env_set_mapsize(pointer, 0), "mdb_env_set_mapsize")
            var info = MDB_envinfo()
            mdb_env_info(pointer, &info)
            mapSize = max(mapSize, info.me_mapsize)
        }
    }

    /// Doubles the map size (or more, to hold `atLeast` bytes); no transaction may be open.
    func grow() throws(LedgerError) {
        try resizeLock.withExclusive { () throws(LedgerError) in
            let next = mapSize * 2
            try LMDB.check(mdb_env_set_mapsize(pointer, next), "mdb_env_set_mapsize")
            mapSize = next
        }
    }

    /// Forces a sync of everything written (used in no-sync benchmark modes and at close).
    func sync() throws(LedgerError) {
        try LMDB.check(mdb_env_sync(pointer, 1), "mdb_env_sync")
    }

    func close() {
        resizeLock.withExclusive {
            guard !isClosed else { return }
            isClosed = true
            mdb_env_close(pointer)
        }
    }
}

/// How one attempt of ``Environment/read(_:)`` ended.
private enum ReadAttempt<R> {
    /// The body ran and gave this.
    case done(R)
    /// Another process grew the file past this process's map; nothing ran.
    case mapResized
}
