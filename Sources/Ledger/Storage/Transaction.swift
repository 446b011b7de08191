import CLMDB

/// An LMDB transaction: read-only for queries, read-write inside the ledger's writer
/// thread when an ``InlineProjection`` runs. Values read are copied out, so nothing
/// returned outlives the transaction by accident.
///
/// A transaction belongs to the call that received it: never store it or pass it across an
/// `await`.
public struct Transaction {
    let pointer: OpaquePointer

    /// The value stored under `key`, or nil.
    public func get(_ database: Database, _ key: [UInt8]) throws(LedgerError) -> [UInt8]? {
        try withValue(database, key) { $0.map(Array.init) }
    }

    /// Calls `body` with a view of the value under `key` (nil when absent); the view is only
    /// valid inside `body`.
    public func withValue<R>(
        _ database: Database, _ key: [UInt8], _ body: (UnsafeRawBufferPointer?) -> R
    ) throws(LedgerError) -> R {
        var found = MDB_val()
        let code = key.withUnsafeBytes { keyBytes in
            LMDB.withValue(keyBytes) { keyValue in
                mdb_get(pointer, database.handle, &keyValue, &found)
            }
        }
        if code == LMDB.notFound { return body(nil) }
        try LMDB.check(code, "mdb_get")
        return body(LMDB.bytes(found))
    }

    /// Stores `value` under `key`, replacing what was there.
    public func put(_ database: Database, _ key: [UInt8], _ value: [UInt8]) throws(LedgerError) {
        try put(database, key, value, flags: 0)
    }

    /// Removes `key`; removing an absent key is not an error.
    public func delete(_ database: Database, _ key: [UInt8]) throws(LedgerError) {
        let code = key.withUnsafeBytes { keyBytes in
            LMDB.withValue(keyBytes) { keyValue in mdb_del(pointer, database.handle, &keyValue, nil)
            }
        }
        if code == LMDB.notFound { return }
        try LMDB.check(code, "mdb_del")
    }

    /// Visits entries in key order from the first key ≥ `start`; `body` returns false to stop.
    public func scan(
        _ database: Database, from start: [UInt8],
        _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws(LedgerError) -> Bool
    ) throws(LedgerError) {
        let cursor = try Cursor(transaction: self, database: database)
        defer { cursor.close() }
        // LMDB refuses an empty key, so "from the beginning" is the first entry.
        var entry = try start.isEmpty ? cursor.move(MDB_FIRST) : cursor.seek(atOrAfter: start)
        while let (key, value) = entry {
            guard try body(key, value) else { return }
            entry = try cursor.move(MDB_NEXT)
        }
    }

    func put(
        _ database: Database, _ key: [UInt8], _ value: [UInt8], flags: UInt32
    ) throws(LedgerError) {
        let code = key.withUnsafeBytes { keyBytes in
            value.withUnsafeBytes { valueBytes in
                Self.put(pointer, database, keyBytes, valueBytes, flags)
            }
        }
        try LMDB.check(code, "mdb_put")
    }

    /// Stores bytes without building arrays; returns LMDB's code.
    static func put(
        _ txn: OpaquePointer, _ database: Database, _ key: UnsafeRawBufferPointer,
        _ value: UnsafeRawBufferPointer, _ flags: UInt32
    ) -> Int32 {
        var keyValue = MDB_val(
            mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var dataValue = MDB_val(
            mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        return mdb_put(txn, database.handle, &keyValue, &dataValue, flags)
    }
}

/// An LMDB cursor; close it before its transaction ends.
struct Cursor {
    let pointer: OpaquePointer

    init(transaction: Transaction, database: Database) throws(LedgerError) {
        var cursor: OpaquePointer?
        try LMDB.check(
            mdb_cursor_open(transaction.pointer, database.handle, &cursor), "mdb_cursor_open")
        pointer = cursor!
    }

    func close() { mdb_cursor_close(pointer) }

    /// Positions on the first key ≥ `key`.
    func seek(
        atOrAfter key: [UInt8]
    ) throws(LedgerError)
        -> (UnsafeRawBufferPointer, UnsafeRawBufferPointer)?
    {
        var keyValue = MDB_val()
        var dataValue = MDB_val()
        let code = key.withUnsafeBytes { keyBytes in
            keyValue = MDB_val(
                mv_size: keyBytes.count,
                mv_data: UnsafeMutableRawPointer(mutating: keyBytes.baseAddress))
            return mdb_cursor_get(pointer, &keyValue, &dataValue, MDB_SET_RANGE)
        }
        if code == LMDB.notFound { return nil }
        try LMDB.check(code, "mdb_cursor_get")
        return (LMDB.bytes(keyValue), LMDB.bytes(dataValue))
    }

    /// Moves the cursor (`MDB_NEXT`, `MDB_PREV`, `MDB_LAST`, …) and returns the entry there.
    func move(
        _ operation: MDB_cursor_op
    ) throws(LedgerError)
        -> (UnsafeRawBufferPointer, UnsafeRawBufferPointer)?
    {
        var keyValue = MDB_val()
        var dataValue = MDB_val()
        let code = mdb_cursor_get(pointer, &keyValue, &dataValue, operation)
        if code == LMDB.notFound { return nil }
        try LMDB.check(code, "mdb_cursor_get")
        return (LMDB.bytes(keyValue), LMDB.bytes(dataValue))
    }
}
