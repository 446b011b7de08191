import Dispatch
import Glibc
import Synchronization

/// The append-only event log of BSD Ledger, in one LMDB environment.
///
/// Invariants: positions run from 1 without gaps and are assigned inside the write
/// transaction that makes them visible; each stream's versions run from 0 without gaps; every
/// event's hash chains to the previous one; an event id is stored once. Appends go through a
/// single writer thread that commits whole queues at once (group commit) and answers callers
/// only once their events are durable.
public final class Ledger: Sendable {
    let environment: Environment
    let notifier: HeadNotifier
    private let writer: Writer
    private let closed = Mutex(false)
    /// Group-commit counters since open.
    public let statistics = CommitStatistics()
    /// The options the ledger was opened with.
    public let options: LedgerOptions
    private let folderKey: String

    /// The data folder, resolved (symbolic links followed).
    public var folder: String { folderKey }

    /// Opens (creating if needed) the ledger in the folder `path`.
    public init(path: String, options: LedgerOptions = LedgerOptions()) throws(LedgerError) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw .storage(
                operation: "mkdir \(path)", code: errno, message: String(cString: strerror(errno)))
        }
        let key = try OpenFolders.claim(path)
        let (environment, head) = try Self.openEnvironment(path, options, releasing: key)
        folderKey = key
        self.environment = environment
        notifier = HeadNotifier(head: head.position)
        self.options = options
        writer = Writer(
            environment: environment, options: options, notifier: notifier, head: head,
            statistics: statistics)
        writer.start()
        options.logger.info(
            "Ledger opened",
            metadata: [
                "ledger.path": path, "ledger.head.position": String(head.position),
                "ledger.durability": options.durability.rawValue,
                "ledger.map.bytes": String(environment.mapSize),
            ])
    }

    /// Opens LMDB, reads the head and brings the Merkle tree level with it; on failure closes
    /// what it opened and gives the folder back.
    private static func openEnvironment(
        _ path: String, _ options: LedgerOptions, releasing key: String
    ) throws(LedgerError) -> (Environment, ChainState) {
        var environment: Environment?
        do throws(LedgerError) {
            let names = options.projections.flatMap(\.databaseNames)
            let opened = try Environment(path: path, options: options, extraDatabases: names)
            environment = opened
            var head = try opened.read { transaction throws(LedgerError) in
                try ChainState.last(in: transaction, log: opened.log)
            }
            if options.maintainsMerkleTree {
                head.tree = try MerkleBuilder.catchUp(
                    opened, head: head.position, logger: options.logger)
            }
            return (opened, head)
        } catch {
            environment?.close()
            OpenFolders.release(key)
            throw error
        }
    }

    /// Appends `events` to `stream` atomically and returns their positions.
    ///
    /// Idempotent by event id: when every id is already stored with the same content, the
    /// original positions come back and nothing is written, whatever `expected` says.
    /// - Throws: ``LedgerError/wrongExpectedVersion(stream:expected:actual:)`` on a conflict,
    ///   ``LedgerError/eventIDReused(_:position:)`` when an id returns with other content.
    public func append(
        _ events: [NewEvent], to stream: String, expected: ExpectedVersion
    ) async throws(LedgerError) -> [UInt64] {
        try await append([StreamAppend(stream: stream, expected: expected, events: events)])[0]
    }

    /// Appends to several streams in one transaction: all parts are written or none.
    public func append(_ parts: [StreamAppend]) async throws(LedgerError) -> [[UInt64]] {
        let result = await withCheckedContinuation { continuation in
            submit(parts) { continuation.resume(returning: $0) }
        }
        return try result.get()
    }

    /// The blocking form of ``append(_:to:expected:)`` for threads outside Swift concurrency.
    public func appendWaiting(
        _ events: [NewEvent], to stream: String, expected: ExpectedVersion
    ) throws(LedgerError) -> [UInt64] {
        try appendWaiting([StreamAppend(stream: stream, expected: expected, events: events)])[0]
    }

    /// The blocking form of ``append(_:)``.
    public func appendWaiting(_ parts: [StreamAppend]) throws(LedgerError) -> [[UInt64]] {
        let done = DispatchSemaphore(value: 0)
        let box = Mutex<Result<[[UInt64]], LedgerError>?>(nil)
        submit(parts) { result in
            box.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return try box.withLock { $0! }.get()
    }

    private func submit(
        _ parts: [StreamAppend],
        _ complete: @escaping @Sendable (Result<[[UInt64]], LedgerError>) -> Void
    ) {
        do throws(LedgerError) {
            writer.submit(try PendingAppend(parts, complete: complete))
        } catch {
            complete(.failure(error))
        }
    }

    /// Waits for queued appends, stops the writer, wakes tailers and closes LMDB. Idempotent.
    public func close() {
        let wasClosed = closed.withLock { closed in
            defer { closed = true }
            return closed
        }
        guard !wasClosed else { return }
        writer.stop()
        notifier.close()
        environment.close()
        OpenFolders.release(folderKey)
        let counts = statistics.snapshot
        options.logger.info(
            "Ledger closed",
            metadata: [
                "ledger.head.position": String(notifier.head),
                "ledger.commits": String(counts.commits),
                "ledger.events": String(counts.events),
            ])
    }

    deinit { close() }
}
