import Glibc
import Ledger
import Logging
import Synchronization

/// Replays the log into the inactive slot of the forms projection, then makes that slot
/// active in the same transaction as the last replayed events, so readers switch from the
/// old model to the complete new one at one commit and no append is missed.
///
/// The slot that was active keeps its content until the next rebuild clears it, so the
/// two can be compared.
public struct ProjectionRebuilder: Sendable {
    let ledger: Ledger
    let logger: Logger
    /// Events replayed per write transaction.
    public var chunkSize = 20_000

    /// Makes a rebuilder; `logger` gets one info line per finished rebuild.
    public init(ledger: Ledger, logger: Logger) {
        self.ledger = ledger
        self.logger = logger
    }

    /// The names of the projections that can be rebuilt.
    public static let projectionNames = [FormsProjection.projectionName]

    /// Opens the ledger at `path` with the forms projection (added to `options` unless it
    /// is there), and rebuilds the projection when it was built by another version or never.
    public static func openLedger(
        path: String, options: LedgerOptions = LedgerOptions()
    ) throws -> Ledger {
        var options = options
        if !options.projections.contains(where: { $0.name == FormsProjection.projectionName }) {
            options.projections.append(FormsProjection())
        }
        let ledger = try Ledger(path: path, options: options)
        do {
            _ = try ProjectionRebuilder(ledger: ledger, logger: options.logger).rebuildIfOutdated()
        } catch {
            ledger.close()
            throw error
        }
        return ledger
    }

    /// Rebuilds when the stored version differs from ``FormsProjection/version``.
    public func rebuildIfOutdated(
        progress: ((RebuildProgress) -> Void)? = nil
    ) throws -> RebuildReport? {
        let database = try metaDatabase()
        let meta = try ledger.read { transaction throws(LedgerError) in
            try ProjectionMeta.read(transaction, database)
        }
        guard meta?.version != FormsProjection.version else { return nil }
        return try rebuild(progress: progress)
    }

    /// The ledgers being rebuilt in this process; two rebuilds of one ledger would fill the
    /// same inactive slot.
    private static let running = Mutex(Set<ObjectIdentifier>())

    /// Replays the whole log into the inactive slot and switches to it.
    /// - Throws: ``ProjectionError/rebuildInProgress(projection:)`` while another rebuild of
    ///   the same ledger runs.
    public func rebuild(progress: ((RebuildProgress) -> Void)? = nil) throws -> RebuildReport {
        let key = ObjectIdentifier(ledger)
        guard Self.running.withLock({ $0.insert(key).inserted }) else {
            throw ProjectionError.rebuildInProgress(projection: FormsProjection.projectionName)
        }
        defer { _ = Self.running.withLock { $0.remove(key) } }
        return try replayAll(progress: progress)
    }

    private func replayAll(progress: ((RebuildProgress) -> Void)?) throws -> RebuildReport {
        let started = Self.now()
        let metaDatabase = try metaDatabase()
        let (meta, total) = try ledger.read { transaction throws(LedgerError) in
            (
                try ProjectionMeta.read(transaction, metaDatabase),
                try ledger.headPosition(in: transaction)
            )
        }
        let target = meta?.active.other ?? .a
        let databases = FormDatabases(slot: target) { ledger.database($0)! }
        try ledger.write { transaction throws(LedgerError) in
            for database in databases.all { try transaction.clear(database) }
        }
        var done: UInt64 = 0
        var finished = false
        let scratch = FormStore.Scratch()
        // Room for a whole chunk ahead, so that the decoder keeps going while a chunk is
        // flushed and committed.
        let decoder = LogDecoder(ledger: ledger, after: 0, depth: chunkSize / 2_048 + 2)
        defer { decoder.stop() }
        var ahead = RecordsAhead()
        while !finished {
            (done, finished) = try replayChunk(
                from: &ahead, of: decoder, after: done, into: databases, meta: metaDatabase,
                scratch: scratch)
            ahead.recycle(to: decoder)
            progress?(
                RebuildProgress(
                    projection: FormsProjection.projectionName, events: done,
                    total: max(total, done), seconds: Self.now() - started))
        }
        let report = RebuildReport(
            projection: FormsProjection.projectionName, events: done, slot: target,
            previousVersion: meta?.version, seconds: Self.now() - started)
        logger.info(
            "Projection rebuilt",
            metadata: [
                "projection.name": report.projection, "projection.events": String(done),
                "projection.slot": target.rawValue,
                "projection.version": String(FormsProjection.version),
                "projection.previousVersion": meta.map { String($0.version) } ?? "none",
                "projection.seconds": String(report.seconds),
            ])
        return report
    }

    /// Replays up to ``chunkSize`` events after `position` in one write transaction: those
    /// `decoder` decoded ahead, as they come, then, once it reached the log's end, those
    /// appended since, read from the log; when the log has no more, switches the active
    /// slot in that same transaction.
    private func replayChunk(
        from ahead: inout RecordsAhead, of decoder: LogDecoder, after position: UInt64,
        into databases: FormDatabases, meta: Database, scratch: FormStore.Scratch
    ) throws -> (UInt64, Bool) {
        // A failure of the fold itself (an undecodable event, a readable id taken) is kept
        // here and the transaction aborted; storage errors go out as they are, so that a full
        // map grows and the chunk runs again, with the records taken the first time.
        var failure: (any Error)?
        var taken: [ArraySlice<DecodedRecord>] = []
        do {
            return try ledger.write { transaction throws(LedgerError) -> (UInt64, Bool) in
                failure = nil
                scratch.removeAll()
                let store = FormStore(
                    databases: databases, transaction: transaction, remembersStates: false,
                    scratch: scratch)
                var (last, count) = (position, 0)
                var index = 0
                while count < chunkSize {
                    if index == taken.count {
                        guard let slice = try ahead.next(upTo: chunkSize - count, from: decoder)
                        else { break }
                        taken.append(slice)
                    }
                    for record in taken[index] {
                        try Self.folding(into: &failure) { try store.apply(record) }
                    }
                    last = taken[index].last?.position ?? last
                    count += taken[index].count
                    index += 1
                }
                let readingOn = ahead.ended
                var finished = false
                let limit = chunkSize - count
                if readingOn && limit > 0 {
                    var seen = 0
                    last = try ledger.scan(after: last, limit: limit, in: transaction) {
                        view throws(LedgerError) in
                        seen += 1
                        try Self.folding(into: &failure) { try store.apply(view) }
                        return true
                    }
                    finished = seen < limit
                }
                try Self.folding(into: &failure) { try store.flush() }
                if finished {
                    try ProjectionMeta(active: databases.slot, version: FormsProjection.version)
                        .write(transaction, meta)
                }
                return (last, finished)
            }
        } catch {
            if let failure { throw failure }
            throw error
        }
    }

    /// Runs `step`; a storage error goes out as it is, any other is kept in `failure` and
    /// turned into a storage-level refusal that aborts the transaction.
    private static func folding(
        into failure: inout (any Error)?, _ step: () throws -> Void
    ) throws(LedgerError) {
        do {
            try step()
        } catch let error as LedgerError {
            throw error
        } catch {
            failure = error
            throw .projectionFailed(
                projection: FormsProjection.projectionName, reason: String(describing: error))
        }
    }

    private func metaDatabase() throws(ProjectionError) -> Database {
        guard let database = ledger.database(FormsProjection.metaName) else {
            throw .unknownProjection(FormsProjection.projectionName)
        }
        return database
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
