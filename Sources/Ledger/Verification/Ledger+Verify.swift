import CLMDB
import CanonicalJSON

extension Ledger {
    /// Walks the whole log: positions contiguous from 1, each stream's versions contiguous
    /// from 0, every envelope consistent with its header and canonical, every hash recomputed
    /// and chained, every index entry pointing back at its event, and each index holding one
    /// entry per event. Stops at the first problem. Safe while another process appends: the
    /// walk ends in the transaction that reaches the end of the log, and the index counts
    /// are taken in that same snapshot.
    /// - Parameter progress: called every 100 000 events with the count so far.
    public func verify(
        progress: (UInt64) -> Void = { _ in }
    ) throws(LedgerError) -> VerificationReport {
        var walk = VerificationWalk(environment: environment)
        var done = false
        while !done {
            done = try environment.read { transaction throws(LedgerError) in
                let finished = try walk.step(in: transaction, limit: 8192, progress: progress)
                if finished && walk.problem == nil { try walk.checkTotals(in: transaction) }
                return finished
            }
        }
        return VerificationReport(
            eventsChecked: walk.checked, streams: walk.versions.count, headHash: walk.previousHash,
            treeRoot: walk.tree.root(hasher: walk.hasher).hash, problem: walk.problem)
    }
}

/// The state of one verification pass, advanced a chunk at a time in short transactions.
struct VerificationWalk {
    let environment: Environment
    let hasher = ChainHasher()
    var checked: UInt64 = 0
    var previousHash = Hash.zero
    var versions: [String: UInt64] = [:]
    var problem: VerificationReport.Problem?
    /// The Merkle tree rebuilt from the chain hashes walked so far.
    var tree = MerkleFrontier()

    init(environment: Environment) {
        self.environment = environment
    }

    /// Checks up to `limit` events; returns true when the log is exhausted or a problem found.
    mutating func step(
        in transaction: Transaction, limit: Int, progress: (UInt64) -> Void
    ) throws(LedgerError) -> Bool {
        let cursor = try Cursor(transaction: transaction, database: environment.log)
        defer { cursor.close() }
        var entry = try cursor.seek(atOrAfter: BigEndian.bytes(checked + 1))
        var count = 0
        while let (key, value) = entry {
            if count == limit { return false }
            let position = key.count == 8 ? BigEndian.read(key) : 0
            if let reason = try check(position: position, record: value, in: transaction) {
                problem = .init(position: position, reason: reason)
                return true
            }
            checked = position
            count += 1
            if checked % 100_000 == 0 { progress(checked) }
            entry = try cursor.move(MDB_NEXT)
        }
        return true
    }

    /// What is wrong with the record at `position`, or nil.
    private mutating func check(
        position: UInt64, record: UnsafeRawBufferPointer, in transaction: Transaction
    ) throws(LedgerError) -> String? {
        guard position == checked + 1 else {
            return "expected position \(checked + 1) next, found \(position)"
        }
        let view: RecordView
        do {
            view = try RecordView(record, position: position)
        } catch {
            return "undecodable record: \(error)"
        }
        if let reason = checkEnvelope(view, position: position) { return reason }
        let stream = String(decoding: view.streamIDBytes, as: UTF8.self)
        let expectedVersion = versions[stream].map { $0 + 1 } ?? 0
        guard view.streamVersion == expectedVersion else {
            return
                "stream \(stream) expected version \(expectedVersion), found \(view.streamVersion)"
        }
        versions[stream] = view.streamVersion
        if let reason = try checkIndexes(view, stream: stream, in: transaction) { return reason }
        return try checkTree(view, in: transaction)
    }

    /// Header, envelope JSON and hash agree, and the hash chains to the previous one.
    private func checkEnvelope(_ view: RecordView, position: UInt64) -> String? {
        guard view.position == position else { return "header says position \(view.position)" }
        guard view.previousHashBytes.elementsEqual(previousHash.bytes) else {
            return "previous hash does not match the hash of position \(position - 1)"
        }
        do {
            try CanonicalJSON.validate(view.payload)
            try CanonicalJSON.validate(view.metadataJSON)
        } catch {
            return "payload or metadata not canonical JSON: \(error)"
        }
        let event = PreparedEvent(
            id: view.id, type: String(decoding: view.typeBytes, as: UTF8.self),
            schemaVersion: view.schemaVersion, payload: Array(view.payload),
            metadataJSON: Array(view.metadataJSON))
        let assigned = RecordCodec.Assigned(
            streamID: String(decoding: view.streamIDBytes, as: UTF8.self), position: position,
            streamVersion: view.streamVersion, recordedAt: view.recordedAt,
            previousHash: previousHash)
        let rebuilt = RecordCodec.envelope(event, assigned)
        guard rebuilt.elementsEqual(view.envelope) else {
            return "envelope disagrees with its header"
        }
        let hash = previousHash.bytes.withUnsafeBytes {
            hasher.hash(previous: $0, envelope: view.envelope)
        }
        guard view.hashBytes.elementsEqual(hash.bytes) else {
            return "hash mismatch: content altered"
        }
        return nil
    }

    /// The id and stream indexes point back at this event.
    private mutating func checkIndexes(
        _ view: RecordView, stream: String, in transaction: Transaction
    ) throws(LedgerError) -> String? {
        let positionBytes = BigEndian.bytes(view.position)
        let byID = try transaction.withValue(environment.eventIDs, view.id.bytes) {
            $0.map(Array.init)
        }
        guard byID == positionBytes else { return "event id index does not point at this event" }
        let byStream = try transaction.withValue(
            environment.streams, StreamIndex.key(stream, view.streamVersion)
        ) { $0.map(Array.init) }
        guard byStream == positionBytes else { return "stream index does not point at this event" }
        previousHash = Hash(bytes: Array(view.hashBytes))
        return nil
    }

    /// Each index holds exactly one entry per event, and the Merkle database one per stored
    /// node of the tree over all of them: none left over from elsewhere.
    mutating func checkTotals(in transaction: Transaction) throws(LedgerError) {
        let expected = [
            (environment.eventIDs, checked), (environment.streams, checked),
            (environment.merkle, MerkleTree.storedCount(leaves: checked)),
        ]
        for (database, count) in expected {
            var stat = MDB_stat()
            try LMDB.check(mdb_stat(transaction.pointer, database.handle, &stat), "mdb_stat")
            if UInt64(stat.ms_entries) != count {
                problem = .init(
                    position: checked,
                    reason:
                        "\(database.name) database holds \(stat.ms_entries) entries"
                        + " for \(checked) events (expected \(count))"
                )
                return
            }
        }
    }
}
