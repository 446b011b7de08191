import CLMDB

extension Writer {
    /// How one pass over a batch ended.
    private enum Pass {
        /// Committed; one result per append.
        case committed([Result<[[UInt64]], LedgerError>])
        /// The append at `index` failed after it had written: the pass was aborted.
        case aborted(index: Int, error: LedgerError)
    }

    /// Applies the appends of `batch` in order in one write transaction and commits once.
    /// An append refused by its checks (idempotency, expected versions) writes nothing and
    /// gets its error; one that fails after writing (an event id already used, a projection
    /// refusal) aborts the pass, which runs again without it, so the others still commit.
    /// Throws only for failures of the whole batch (map full, commit failed).
    ///
    /// No nested transactions: a child transaction copies every page its parent has already
    /// dirtied before changing it, which made each append pay for a copy of the pages the
    /// earlier appends of its commit had touched.
    func writeBatch(
        _ batch: [PendingAppend], chain: inout ChainState
    ) throws(LedgerError) -> [Result<[[UInt64]], LedgerError>] {
        var refused: [Int: LedgerError] = [:]
        while true {
            var draft = chain
            switch try pass(batch, refused: refused, chain: &draft) {
            case .committed(let results):
                chain = draft
                return results
            case .aborted(let index, let error):
                refused[index] = error
            }
        }
    }

    /// One pass: every append not already `refused`, then the commit.
    private func pass(
        _ batch: [PendingAppend], refused: [Int: LedgerError], chain: inout ChainState
    ) throws(LedgerError) -> Pass {
        var pointer: OpaquePointer?
        try LMDB.check(mdb_txn_begin(environment.pointer, nil, 0, &pointer), "mdb_txn_begin")
        let transaction = Transaction(pointer: pointer!)
        var results: [Result<[[UInt64]], LedgerError>] = []
        results.reserveCapacity(batch.count)
        for (index, append) in batch.enumerated() {
            if let error = refused[index] {
                results.append(.failure(error))
                continue
            }
            var wrote = false
            do throws(LedgerError) {
                let positions = try apply(append, in: transaction, chain: &chain, wrote: &wrote)
                results.append(.success(positions))
            } catch {
                if !wrote {
                    results.append(.failure(error))
                    continue
                }
                mdb_txn_abort(pointer)
                if case .storage(_, let code, _) = error, code == LMDB.mapFull { throw error }
                return .aborted(index: index, error: error)
            }
        }
        try LMDB.check(mdb_txn_commit(pointer), "mdb_txn_commit")
        return .committed(results)
    }

    /// Writes one append: idempotency check and expected versions first (nothing written
    /// when they refuse), then records, indexes and projections; `wrote` turns true at the
    /// first write.
    private func apply(
        _ append: PendingAppend, in transaction: Transaction, chain: inout ChainState,
        wrote: inout Bool
    ) throws(LedgerError) -> [[UInt64]] {
        if let repeated = try repeatedPositions(append, in: transaction) { return repeated }
        let versions = try checkedVersions(append, in: transaction)
        wrote = true
        var positions: [[UInt64]] = []
        var recorded: [RecordedEvent] = []
        let now = Timestamp.now()
        for (part, actual) in zip(append.parts, versions) {
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

    /// Each part's stream version before the append, after checking it against the part's
    /// expectation. A stream named by two parts is checked against the first part's events.
    private func checkedVersions(
        _ append: PendingAppend, in transaction: Transaction
    ) throws(LedgerError) -> [UInt64?] {
        var last: [String: UInt64?] = [:]
        var versions: [UInt64?] = []
        for part in append.parts {
            let actual: UInt64?
            if let known = last[part.stream] {
                actual = known
            } else {
                actual = try StreamIndex.lastVersion(
                    of: part.stream, in: transaction, streams: environment.streams)
            }
            guard part.expected.isSatisfied(by: actual) else {
                throw .wrongExpectedVersion(
                    stream: part.stream, expected: part.expected, actual: actual)
            }
            versions.append(actual)
            let count = UInt64(part.events.count)
            last[part.stream] = count == 0 ? actual : (actual.map { $0 + count } ?? count - 1)
        }
        return versions
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
