extension SideStore {
    /// The value stored under `key`, or nil.
    public func get(_ key: [UInt8]) throws(LedgerError) -> [UInt8]? {
        try read { transaction throws(LedgerError) in try transaction.get(database, key) }
    }

    /// Calls `body` with a view of the value under `key` (nil when absent), valid only inside
    /// `body`: reads a part of a large value without copying all of it.
    public func withValue<R>(
        _ key: [UInt8], _ body: (UnsafeRawBufferPointer?) -> R
    ) throws(LedgerError) -> R {
        try read { transaction throws(LedgerError) in
            try transaction.withValue(database, key, body)
        }
    }

    /// The entry with the greatest key, or nil when the store is empty.
    public func last() throws(LedgerError) -> (key: [UInt8], value: [UInt8])? {
        try read { transaction throws(LedgerError) -> ([UInt8], [UInt8])? in
            var found: ([UInt8], [UInt8])?
            try transaction.scanBackwards(database, from: nil) { key, value in
                found = (Array(key), Array(value))
                return false
            }
            return found
        }
    }

    /// Stores `value` under `key`, replacing what was there; durable when it returns.
    public func put(_ key: [UInt8], _ value: [UInt8]) throws(LedgerError) {
        try write { transaction throws(LedgerError) in try transaction.put(database, key, value) }
    }

    /// Stores every entry in one durable transaction (one sync for all of them), replacing
    /// what was there; of a key given twice, the last value stays.
    public func put(_ entries: [(key: [UInt8], value: [UInt8])]) throws(LedgerError) {
        guard !entries.isEmpty else { return }
        try write { transaction throws(LedgerError) in
            for entry in entries { try transaction.put(database, entry.key, entry.value) }
        }
    }

    /// Stores `value` under `key` only if the key is absent, atomically: of several callers
    /// inserting the same key, exactly one succeeds.
    /// - Returns: nil when `value` was stored (durably), else the value already there (and
    ///   nothing was written).
    public func insert(_ key: [UInt8], _ value: [UInt8]) throws(LedgerError) -> [UInt8]? {
        try write { transaction throws(LedgerError) -> [UInt8]? in
            if let found = try transaction.get(database, key) { return found }
            try transaction.put(database, key, value)
            return nil
        }
    }

    /// Removes `keys` in one durable transaction; absent keys are skipped.
    public func delete(_ keys: [[UInt8]]) throws(LedgerError) {
        guard !keys.isEmpty else { return }
        try write { transaction throws(LedgerError) in
            for key in keys { try transaction.delete(database, key) }
        }
    }

    /// Removes those of `keys` whose value, read in the same transaction, satisfies
    /// `condition`: nothing written since the caller looked can be removed by mistake.
    /// - Returns: how many entries were removed.
    public func delete(
        _ keys: [[UInt8]], where condition: (UnsafeRawBufferPointer) -> Bool
    ) throws(LedgerError) -> Int {
        guard !keys.isEmpty else { return 0 }
        return try write { transaction throws(LedgerError) -> Int in
            var removed = 0
            for key in keys
            where try transaction.withValue(database, key, { $0.map(condition) })
                == true
            {
                try transaction.delete(database, key)
                removed += 1
            }
            return removed
        }
    }

    /// Visits, in key order, every entry whose key starts with `prefix` (all entries for an
    /// empty prefix), in read transactions of at most `chunk` entries so that no reader stays
    /// open long. The value is only valid inside `body`, which returns false to stop and must
    /// not write to this store (collect, then write).
    public func forEach(
        prefix: [UInt8], chunk: Int = 1_000,
        _ body: (_ key: [UInt8], _ value: UnsafeRawBufferPointer) throws(LedgerError) -> Bool
    ) throws(LedgerError) {
        precondition(chunk > 0, "a chunk holds at least one entry")
        var start = prefix
        var resuming = false
        while true {
            var visited = 0
            var stopped = false
            try read { transaction throws(LedgerError) in
                try transaction.scan(database, from: start) { key, value throws(LedgerError) in
                    if resuming && key.elementsEqual(start) { return true }
                    guard key.starts(with: prefix), visited < chunk else {
                        stopped = visited < chunk
                        return false
                    }
                    visited += 1
                    start = Array(key)
                    stopped = try !body(start, value)
                    return !stopped
                }
            }
            guard !stopped, visited == chunk else { return }
            resuming = true
        }
    }
}
