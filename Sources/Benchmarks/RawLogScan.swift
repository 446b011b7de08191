import CLMDB

/// The physical floor for reading a ledger's log: one read-only LMDB cursor over the `log`
/// database of a data folder, touching every record's bytes and nothing else. The folder
/// must not be open as a ledger in this process.
public enum RawLogScan {
    /// What a scan saw.
    public struct Result: Sendable {
        /// Records read.
        public var records: Int
        /// Bytes of record values read.
        public var bytes: Int
        /// Wall-clock seconds.
        public var seconds: Double
    }

    /// Scans the log of the ledger in `path` once.
    public static func scan(path: String) -> Result {
        var env: OpaquePointer?
        check(mdb_env_create(&env))
        defer { mdb_env_close(env) }
        check(mdb_env_set_maxdbs(env, 64))
        check(mdb_env_set_mapsize(env, 1 << 34))
        check(mdb_env_open(env, path, UInt32(MDB_NOTLS | MDB_RDONLY), 0o644))
        let start = Stopwatch.seconds()
        var txn: OpaquePointer?
        check(mdb_txn_begin(env, nil, UInt32(MDB_RDONLY), &txn))
        defer { mdb_txn_abort(txn) }
        var dbi: MDB_dbi = 0
        check(mdb_dbi_open(txn, "log", 0, &dbi))
        var cursor: OpaquePointer?
        check(mdb_cursor_open(txn, dbi, &cursor))
        defer { mdb_cursor_close(cursor) }
        var key = MDB_val()
        var value = MDB_val()
        var result = Result(records: 0, bytes: 0, seconds: 0)
        var touched = 0
        var code = mdb_cursor_get(cursor, &key, &value, MDB_FIRST)
        while code == 0 {
            result.records += 1
            result.bytes += value.mv_size
            touched &+= Int(value.mv_data.load(fromByteOffset: value.mv_size - 1, as: UInt8.self))
            code = mdb_cursor_get(cursor, &key, &value, MDB_NEXT)
        }
        precondition(touched >= 0 || result.records > 0, "the scan must read the bytes")
        result.seconds = Stopwatch.seconds() - start
        return result
    }

    private static func check(_ code: Int32) {
        precondition(code == 0, "raw log scan failed: \(String(cString: mdb_strerror(code)))")
    }
}
