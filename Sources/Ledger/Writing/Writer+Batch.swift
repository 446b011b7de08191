import CLMDB

extension Writer {
    /// Applies each append of `batch` in its own nested transaction (so one refused append
    /// leaves the others intact), then commits once. Throws only for failures of the whole
    /// batch (map full, commit failed); per-append refusals come back as results.
    func writeBatch(
        _ batch: [PendingAppend], chain: inout ChainState
    ) throws(LedgerError) -> [Result<[[UInt64]], LedgerError>] {
        var parent: OpaquePointer?
        try LMDB.check(mdb_txn_begin(environment.pointer, nil, 0, &parent), "mdb_txn_begin")
        var results: [Result<[[UInt64]], LedgerError>] = []
        let nested = batch.count > 1
        for append in batch {
            let before = chain
            var child: OpaquePointer? = parent
            if nested {
                let code = mdb_txn_begin(environment.pointer, parent, 0, &child)
                if code != 0 {
                    mdb_txn_abort(parent)
                    throw LMDB.failure(code, "mdb_txn_begin")
                }
            }
            do throws(LedgerError) {
                let positions = try apply(append, in: Transaction(pointer: child!), chain: &chain)
                if nested { try LMDB.check(mdb_txn_commit(child), "mdb_txn_commit") }
                results.append(.success(positions))
            } catch {
                if nested { mdb_txn_abort(child) }
                chain = before
                if case .storage(_, let code, _) = error, code == LMDB.mapFull {
                    mdb_txn_abort(parent)
                    throw error
                }
                results.append(.failure(error))
                if !nested {
                    mdb_txn_abort(parent)
                    return results
                }
            }
        }
        try LMDB.check(mdb_txn_commit(parent), "mdb_txn_commit")
        return results
    }

    /// Writes one append: idempotency check, expected versions, records, indexes, projections.
    private func apply(
        _ append: PendingAppend, in transaction: Transaction, chain: inout ChainState
    ) throws(LedgerError) -> [[UInt64]] {
        if let repeated = try repeatedPositions(append, in: transaction) { return repeated }
        var positions: [[UInt64]] = []
        var recorded: [RecordedEvent] = []
        let now = Timestamp.now()
        for part in append.parts {
            let actual = try StreamIndex.lastVersion(
                of: part.stream, in: transaction, streams: environment.streams)
            guard part.expected.isSatisfied(by: actual) else {
                throw .wrongExpectedVersion(
                    stream: part.stream, expected: part.expected, actual: actual)
            }
            var version = actual.map { $0 + 1 } ?? 0
            var streamKey = StreamIndex.key(part.stream, 0)
            var partPositions: [UInt64] = []
            partPositions.reserveCapacity(part.events.count)
            for event in part.events {
                let assigned = RecordCodec.Assigned(
                    streamID: part.stream, position: chain.position + 1, streamVersion: version,
                    recordedAt: max(now, chain.recordedAt), previousHash: chain.hash)
                let (record, hash) = RecordCodec.encode(event, assigned, hasher: hasher)
                try write(
                    record, event: event, assigned: assigned, streamKey: &streamKey, in: transaction
                )
                if !options.projections.isEmpty {
                    try recorded.append(Self.materialize(record, assigned.position))
                }
                chain.position = assigned.position
                chain.hash = hash
                chain.recordedAt = assigned.recordedAt
                if options.maintainsMerkleTree {
                    try extendTree(&chain.tree, with: hash, in: transaction)
                }
                partPositions.append(assigned.position)
                version += 1
            }
            positions.append(partPositions)
        }
        try runProjections(recorded, in: transaction)
        return positions
    }

    /// A code of our own (outside LMDB's range) for an id already in the index.
    private static let idTaken: Int32 = -1

    /// Puts the record and its two index entries; `streamKey` is the stream's index key
    /// with room for the version in its last 8 bytes.
    private func write(
        _ record: [UInt8], event: PreparedEvent, assigned: RecordCodec.Assigned,
        streamKey: inout [UInt8], in transaction: Transaction
    ) throws(LedgerError) {
        var position = assigned.position.bigEndian
        let versionOffset = streamKey.count - 8
        streamKey.withUnsafeMutableBytes {
            $0.storeBytes(
                of: assigned.streamVersion.bigEndian, toByteOffset: versionOffset, as: UInt64.self)
        }
        let txn = transaction.pointer
        let (code, operation): (Int32, StaticString) = withUnsafeBytes(of: &position) {
            positionKey in
            let logged = record.withUnsafeBytes {
                Transaction.put(txn, environment.log, positionKey, $0, UInt32(MDB_APPEND))
            }
            guard logged == 0 else { return (logged, "mdb_put log") }
            let indexed = event.id.withBytes {
                Transaction.put(txn, environment.eventIDs, $0, positionKey, UInt32(MDB_NOOVERWRITE))
            }
            guard indexed == 0 else {
                return (indexed == MDB_KEYEXIST ? Self.idTaken : indexed, "mdb_put event-ids")
            }
            let streamed = streamKey.withUnsafeBytes {
                Transaction.put(txn, environment.streams, $0, positionKey, UInt32(MDB_NOOVERWRITE))
            }
            return (streamed, "mdb_put streams")
        }
        if code == Self.idTaken {
            let position = try Self.position(
                of: event.id, in: transaction, ids: environment.eventIDs)
            throw .eventIDReused(event.id, position: position ?? 0)
        }
        try LMDB.check(code, operation)
    }

    private func runProjections(
        _ events: [RecordedEvent], in transaction: Transaction
    ) throws(LedgerError) {
        guard !events.isEmpty else { return }
        let context = ProjectionContext(transaction: transaction, databases: environment.extra)
        for projection in options.projections {
            do {
                try projection.apply(events, in: context)
            } catch let error as LedgerError {
                throw error
            } catch {
                throw .projectionFailed(
                    projection: projection.name, reason: String(describing: error))
            }
        }
    }

    static func materialize(
        _ record: [UInt8], _ position: UInt64
    ) throws(LedgerError) -> RecordedEvent {
        let result = record.withUnsafeBytes { bytes in
            Result { () throws(LedgerError) -> RecordedEvent in
                try RecordView(bytes, position: position).materialize()
            }
        }
        return try result.get()
    }
}
