import Ledger

/// How one database of the two slots compares, entry by entry.
public struct SlotComparison: Sendable, Equatable {
    /// The database's short name (`state`, `company`, …).
    public var database: String
    /// Entries in the active slot.
    public var active: Int
    /// Entries in the other slot.
    public var other: Int
    /// Keys present in one slot only, or with different values.
    public var differing: Int
}

extension ProjectionRebuilder {
    /// Compares every key and value of the active slot with the other slot, database by
    /// database, in short read transactions. Right after a rebuild at an unchanged version,
    /// the other slot holds the live writes and the active one the replay: they must be
    /// equal, since a projection is a fold of the log.
    public func compareSlots(batch: Int = 2000) throws -> [SlotComparison] {
        guard let metaDatabase = ledger.database(FormsProjection.metaName) else {
            throw ProjectionError.unknownProjection(FormsProjection.projectionName)
        }
        let meta = try ledger.read { transaction throws(LedgerError) in
            try ProjectionMeta.read(transaction, metaDatabase)
        }
        guard let meta else {
            throw ProjectionError.notReady(
                projection: FormsProjection.projectionName, storedVersion: nil,
                expectedVersion: FormsProjection.version)
        }
        return try FormDatabases.kinds.map { kind in
            let active = ledger.database(FormDatabases.name(kind, meta.active))!
            let other = ledger.database(FormDatabases.name(kind, meta.active.other))!
            let (left, right, differing) = try compare(active, other, batch: batch)
            return SlotComparison(database: kind, active: left, other: right, differing: differing)
        }
    }

    /// Walks both databases in key order together, a batch of entries per transaction.
    private func compare(
        _ left: Database, _ right: Database, batch: Int
    ) throws -> (Int, Int, Int) {
        var counts = (0, 0, 0)
        var start: [UInt8] = [0]
        while true {
            let (lefts, rights) = try ledger.read { transaction throws(LedgerError) in
                (
                    try Self.entries(left, from: start, limit: batch, in: transaction),
                    try Self.entries(right, from: start, limit: batch, in: transaction)
                )
            }
            // Compare only keys below the smaller of the two batches' last keys, then go on
            // from there, so both sides advance over the same key range.
            let bound = [lefts.last?.0, rights.last?.0].compactMap { $0 }.min {
                $0.lexicographicallyPrecedes($1)
            }
            guard let bound else { return counts }
            let done = lefts.count < batch && rights.count < batch
            let inRange = { (key: [UInt8]) in done || !bound.lexicographicallyPrecedes(key) }
            let l = Dictionary(uniqueKeysWithValues: lefts.filter { inRange($0.0) })
            let r = Dictionary(uniqueKeysWithValues: rights.filter { inRange($0.0) })
            counts.0 += l.count
            counts.1 += r.count
            counts.2 += Set(l.keys).union(r.keys).filter { l[$0] != r[$0] }.count
            if done { return counts }
            start = bound + [0]
        }
    }

    private static func entries(
        _ database: Database, from start: [UInt8], limit: Int, in transaction: Transaction
    ) throws(LedgerError) -> [([UInt8], [UInt8])] {
        var entries: [([UInt8], [UInt8])] = []
        try transaction.scan(database, from: start) { key, value throws(LedgerError) in
            entries.append((Array(key), Array(value)))
            return entries.count < limit
        }
        return entries
    }
}
