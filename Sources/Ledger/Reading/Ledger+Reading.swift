import CLMDB

/// The committed head of the log.
public struct LedgerHead: Equatable, Sendable {
    /// The last position (0 for an empty log).
    public var position: UInt64
    /// The last event's hash (``Hash/zero`` for an empty log).
    public var hash: Hash
}

/// Which way a stream is read.
public enum ReadDirection: Sendable {
    /// Ascending versions from the start version.
    case forwards
    /// Descending versions from the start version.
    case backwards
}

extension Ledger {
    /// The last committed position and hash.
    public func head() throws(LedgerError) -> LedgerHead {
        let chain = try environment.read { transaction throws(LedgerError) in
            try ChainState.last(in: transaction, log: environment.log)
        }
        return LedgerHead(position: chain.position, hash: chain.hash)
    }

    /// The last version of `stream`, or nil when it has no event.
    public func streamVersion(_ stream: String) throws(LedgerError) -> UInt64? {
        try environment.read { transaction throws(LedgerError) in
            try StreamIndex.lastVersion(of: stream, in: transaction, streams: environment.streams)
        }
    }

    /// Up to `limit` events of `stream` starting at version `from` (for backwards reads,
    /// `UInt64.max` means from the last event).
    public func readStream(
        _ stream: String, from version: UInt64 = 0, direction: ReadDirection = .forwards,
        limit: Int = .max
    ) throws(LedgerError) -> [RecordedEvent] {
        try environment.read { transaction throws(LedgerError) in
            var events: [RecordedEvent] = []
            let prefix = Array(stream.utf8) + [0]
            let cursor = try Cursor(transaction: transaction, database: environment.streams)
            defer { cursor.close() }
            var entry = try cursor.seek(atOrAfter: StreamIndex.key(stream, version))
            if direction == .backwards {
                let exact =
                    entry.map { $0.0.elementsEqual(StreamIndex.key(stream, version)) } ?? false
                if !exact { entry = try cursor.move(entry == nil ? MDB_LAST : MDB_PREV) }
            }
            while let (key, value) = entry, events.count < limit,
                key.count == prefix.count + 8, key.starts(with: prefix)
            {
                events.append(try event(at: BigEndian.read(value), in: transaction))
                entry = try cursor.move(direction == .forwards ? MDB_NEXT : MDB_PREV)
            }
            return events
        }
    }

    /// Up to `limit` events of the global log after `position`, in order.
    public func readAll(
        after position: UInt64, limit: Int = 1000
    ) throws(LedgerError) -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        try scan(after: position, limit: limit) { view throws(LedgerError) in
            events.append(try view.materialize())
            return true
        }
        return events
    }

    /// Visits up to `limit` records after `position` without copying them, in short read
    /// transactions; `visit` returns false to stop. Returns the last position visited.
    @discardableResult
    public func scan(
        after position: UInt64, limit: Int = .max, _ visit: (RecordView) throws(LedgerError) -> Bool
    ) throws(LedgerError) -> UInt64 {
        var last = position
        var remaining = limit
        var stop = false
        while remaining > 0 && !stop {
            let chunk = min(remaining, 4096)
            var seen = 0
            try environment.read { transaction throws(LedgerError) in
                let cursor = try Cursor(transaction: transaction, database: environment.log)
                defer { cursor.close() }
                var entry = try cursor.seek(atOrAfter: BigEndian.bytes(last + 1))
                while let (key, value) = entry, seen < chunk {
                    let view = try RecordView(value, position: BigEndian.read(key))
                    seen += 1
                    last = view.position
                    guard try visit(view) else {
                        stop = true
                        return
                    }
                    entry = try cursor.move(MDB_NEXT)
                }
            }
            if seen < chunk { break }
            remaining -= seen
        }
        return last
    }

    /// The event stored with `id`, if any.
    public func event(id: EventID) throws(LedgerError) -> RecordedEvent? {
        try environment.read { transaction throws(LedgerError) in
            let position = try transaction.withValue(environment.eventIDs, id.bytes) {
                $0.map { BigEndian.read($0) }
            }
            guard let position else { return nil }
            return try event(at: position, in: transaction)
        }
    }

    /// Runs `body` in a short read-only transaction, for projections' queries. Do not keep
    /// the transaction or anything borrowed from it past `body`.
    public func read<R>(_ body: (Transaction) throws(LedgerError) -> R) throws(LedgerError) -> R {
        try environment.read(body)
    }

    /// The projection database called `name`, opened at start.
    public func database(_ name: String) -> Database? {
        environment.extra[name]
    }

    func event(
        at position: UInt64, in transaction: Transaction
    ) throws(LedgerError) -> RecordedEvent {
        let event = try transaction.withValue(environment.log, BigEndian.bytes(position)) { value in
            value.map { bytes in
                Result { () throws(LedgerError) -> RecordedEvent in
                    try RecordView(bytes, position: position).materialize()
                }
            }
        }
        guard let event else {
            throw .corruptRecord(position: position, reason: "indexed event missing from the log")
        }
        return try event.get()
    }
}
