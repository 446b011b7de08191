import CLMDB

extension Ledger {
    /// Runs `body` in a write transaction of its own on the calling thread and commits it,
    /// for maintenance of projection databases (rebuilds). LMDB lets one write transaction
    /// run at a time, so this waits for the writer's group commit in progress and holds the
    /// next one back until it commits: what `body` reads of the log is the committed head,
    /// and no append lands in between. When the map is full the transaction is aborted, the
    /// map grown and `body` run again, so `body` must be safe to repeat.
    ///
    /// `body` must not append to the ledger (the writer would wait for this transaction).
    public func write<R>(
        _ body: (Transaction) throws(LedgerError) -> R
    ) throws(LedgerError) -> R {
        try environment.writeGrowing(body)
    }

    /// The position of the last event of the log as seen by `transaction` (0 when empty),
    /// read inside the caller's own transaction, so it agrees with what it reads there.
    public func headPosition(in transaction: Transaction) throws(LedgerError) -> UInt64 {
        try ChainState.last(in: transaction, log: environment.log).position
    }

    /// Visits up to `limit` records after `position` inside the caller's `transaction`
    /// (a maintenance write, or a read), without copying; `visit` returns false to stop.
    /// Returns the last position visited.
    @discardableResult
    public func scan(
        after position: UInt64, limit: Int = .max, in transaction: Transaction,
        _ visit: (RecordView) throws(LedgerError) -> Bool
    ) throws(LedgerError) -> UInt64 {
        var last = position
        var seen = 0
        let cursor = try Cursor(transaction: transaction, database: environment.log)
        defer { cursor.close() }
        var entry = try cursor.seek(atOrAfter: BigEndian.bytes(position + 1))
        while let (key, value) = entry, seen < limit {
            let view = try RecordView(value, position: BigEndian.read(key))
            seen += 1
            last = view.position
            guard try visit(view) else { break }
            entry = try cursor.move(MDB_NEXT)
        }
        return last
    }
}

extension Environment {
    /// One attempt of ``Ledger/write(_:)``.
    func writeOnce<R>(
        _ body: (Transaction) throws(LedgerError) -> R
    ) throws(LedgerError) -> R {
        try resizeLock.withShared { () throws(LedgerError) -> R in
            guard !isClosed else { throw .closed }
            var txn: OpaquePointer?
            try LMDB.check(mdb_txn_begin(pointer, nil, 0, &txn), "mdb_txn_begin")
            let result: R
            do throws(LedgerError) {
                result = try body(Transaction(pointer: txn!))
            } catch {
                mdb_txn_abort(txn)
                throw error
            }
            // A commit frees the transaction even when it fails (the map may fill while the
            // free list is saved): aborting it again would free it twice.
            try LMDB.check(mdb_txn_commit(txn), "mdb_txn_commit")
            return result
        }
    }
}

extension Environment {
    /// A write transaction of the caller's, run again after growing the map when full.
    func writeGrowing<R>(
        _ body: (Transaction) throws(LedgerError) -> R
    ) throws(LedgerError) -> R {
        while true {
            do throws(LedgerError) {
                return try writeOnce(body)
            } catch .storage(_, let code, _) where code == LMDB.mapFull {
                try grow()
            }
        }
    }
}
