import CLMDB

extension Transaction {
    /// Removes every entry of `database`, keeping the database itself (rebuilds refill it).
    public func clear(_ database: Database) throws(LedgerError) {
        try LMDB.check(mdb_drop(pointer, database.handle, 0), "mdb_drop")
    }

    /// Visits entries in descending key order from the last key ≤ `start` (from the very
    /// last key when `start` is nil); `body` returns false to stop.
    public func scanBackwards(
        _ database: Database, from start: [UInt8]?,
        _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws(LedgerError) -> Bool
    ) throws(LedgerError) {
        let cursor = try Cursor(transaction: self, database: database)
        defer { cursor.close() }
        var entry: (UnsafeRawBufferPointer, UnsafeRawBufferPointer)?
        if let start {
            entry = try cursor.seek(atOrAfter: start)
            let exact = entry.map { $0.0.elementsEqual(start) } ?? false
            if !exact { entry = try cursor.move(entry == nil ? MDB_LAST : MDB_PREV) }
        } else {
            entry = try cursor.move(MDB_LAST)
        }
        while let (key, value) = entry {
            guard try body(key, value) else { return }
            entry = try cursor.move(MDB_PREV)
        }
    }
}
