import CLMDB

/// The physical baseline: plain LMDB puts and cursor scans of the same bytes, with the same
/// sync mode, and nothing of the ledger around them.
final class RawLMDB {
    private let env: OpaquePointer
    private var dbi: MDB_dbi = 0
    private var next: UInt64 = 1

    init(path: String, flags: UInt32) {
        var env: OpaquePointer?
        Self.check(mdb_env_create(&env))
        self.env = env!
        Self.check(mdb_env_set_mapsize(self.env, 1 << 34))
        Self.check(mdb_env_set_maxdbs(self.env, 4))
        Self.check(mdb_env_open(self.env, path, UInt32(MDB_NOTLS) | flags, 0o644))
        var txn: OpaquePointer?
        Self.check(mdb_txn_begin(self.env, nil, 0, &txn))
        Self.check(mdb_dbi_open(txn, "raw", UInt32(MDB_CREATE), &dbi))
        Self.check(mdb_txn_commit(txn))
    }

    deinit { mdb_env_close(env) }

    /// Writes `values` in commits of `perCommit`, keys being big-endian sequence numbers
    /// continuing from the previous call.
    func put(_ values: some Collection<[UInt8]>, perCommit: Int) {
        let values = Array(values)
        for start in stride(from: 0, to: values.count, by: perCommit) {
            var txn: OpaquePointer?
            Self.check(mdb_txn_begin(env, nil, 0, &txn))
            for value in values[start..<min(values.count, start + perCommit)] {
                var key = next.bigEndian
                next += 1
                withUnsafeMutableBytes(of: &key) { keyBytes in
                    var keyValue = MDB_val(mv_size: 8, mv_data: keyBytes.baseAddress)
                    value.withUnsafeBytes { bytes in
                        var dataValue = MDB_val(
                            mv_size: bytes.count,
                            mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                        Self.check(mdb_put(txn, dbi, &keyValue, &dataValue, UInt32(MDB_APPEND)))
                    }
                }
            }
            Self.check(mdb_txn_commit(txn))
        }
    }

    /// Reads every value with one cursor and returns the total of their sizes.
    func scan() -> Int {
        var txn: OpaquePointer?
        Self.check(mdb_txn_begin(env, nil, UInt32(MDB_RDONLY), &txn))
        defer { mdb_txn_abort(txn) }
        var cursor: OpaquePointer?
        Self.check(mdb_cursor_open(txn, dbi, &cursor))
        defer { mdb_cursor_close(cursor) }
        var key = MDB_val()
        var value = MDB_val()
        var total = 0
        var code = mdb_cursor_get(cursor, &key, &value, MDB_FIRST)
        while code == 0 {
            total +=
                Int(value.mv_data.load(fromByteOffset: value.mv_size - 1, as: UInt8.self))
                + value.mv_size
            code = mdb_cursor_get(cursor, &key, &value, MDB_NEXT)
        }
        return total
    }

    private static func check(_ code: Int32) {
        precondition(code == 0, "LMDB baseline failed: \(String(cString: mdb_strerror(code)))")
    }
}
