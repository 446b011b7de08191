import CLMDB

/// A cursor writing one database inside a write transaction. Given keys in ascending order,
/// each put or delete finds its place on the leaf page the previous one touched (LMDB looks
/// there before it descends the B-tree from the root), which makes sorted batches cheap.
///
/// Only lives inside ``Transaction/withWriteCursor(_:_:)``.
public struct WriteCursor {
    let pointer: OpaquePointer

    /// Stores `value` under `key`, replacing what was there.
    public func put(
        _ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer
    ) throws(LedgerError) {
        var keyValue = MDB_val(
            mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var dataValue = MDB_val(
            mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        try LMDB.check(mdb_cursor_put(pointer, &keyValue, &dataValue, 0), "mdb_cursor_put")
    }

    /// Removes `key`; removing an absent key is not an error.
    public func delete(_ key: UnsafeRawBufferPointer) throws(LedgerError) {
        var keyValue = MDB_val(
            mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var dataValue = MDB_val()
        let code = mdb_cursor_get(pointer, &keyValue, &dataValue, MDB_SET)
        if code == LMDB.notFound { return }
        try LMDB.check(code, "mdb_cursor_get")
        try LMDB.check(mdb_cursor_del(pointer, 0), "mdb_cursor_del")
    }
}

extension Transaction {
    /// Runs `body` with a ``WriteCursor`` on `database`, closed when `body` returns.
    public func withWriteCursor<R>(
        _ database: Database, _ body: (WriteCursor) throws(LedgerError) -> R
    ) throws(LedgerError) -> R {
        var cursor: OpaquePointer?
        try LMDB.check(mdb_cursor_open(pointer, database.handle, &cursor), "mdb_cursor_open")
        defer { mdb_cursor_close(cursor) }
        return try body(WriteCursor(pointer: cursor!))
    }
}
