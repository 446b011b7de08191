import CLMDB

extension Writer {
    /// When every event id of `append` is already in the log with the same content, the
    /// positions first assigned to them; nil when none is. Anything in between is refused.
    ///
    /// Only the first id is looked up when it is new (the usual case): a later id that is
    /// already stored makes its `MDB_NOOVERWRITE` put fail, and ``write`` refuses the append.
    func repeatedPositions(
        _ append: PendingAppend, in transaction: Transaction
    ) throws(LedgerError) -> [[UInt64]]? {
        guard let first = append.parts.first(where: { !$0.events.isEmpty })?.events[0],
            try Self.position(of: first.id, in: transaction, ids: environment.eventIDs) != nil
        else { return nil }
        var positions: [[UInt64]] = []
        var found = 0
        var firstFound: (EventID, UInt64)?
        var missing = false
        for part in append.parts {
            var partPositions: [UInt64] = []
            for event in part.events {
                let stored = try Self.position(
                    of: event.id, in: transaction, ids: environment.eventIDs)
                guard let position = stored else {
                    missing = true
                    continue
                }
                found += 1
                if firstFound == nil { firstFound = (event.id, position) }
                try checkSameContent(event, part.stream, position, in: transaction)
                partPositions.append(position)
            }
            positions.append(partPositions)
        }
        guard let firstFound else { return nil }
        if missing { throw .eventIDReused(firstFound.0, position: firstFound.1) }
        return positions
    }

    /// The position stored for `id` in the id index, or nil; allocates nothing.
    static func position(
        of id: EventID, in transaction: Transaction, ids: Database
    ) throws(LedgerError) -> UInt64? {
        var found = MDB_val()
        let code = id.withBytes { key in
            var keyValue = MDB_val(
                mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
            return mdb_get(transaction.pointer, ids.handle, &keyValue, &found)
        }
        if code == MDB_NOTFOUND { return nil }
        try LMDB.check(code, "mdb_get")
        return BigEndian.read(LMDB.bytes(found))
    }

    private func checkSameContent(
        _ event: PreparedEvent, _ stream: String, _ position: UInt64, in transaction: Transaction
    ) throws(LedgerError) {
        let same = try transaction.withValue(environment.log, BigEndian.bytes(position)) { value in
            guard let value, let view = try? RecordView(value, position: position) else {
                return false
            }
            return event.sameContent(as: view, streamID: stream)
        }
        guard same else { throw .eventIDReused(event.id, position: position) }
    }
}
