import Ledger
import Logging
import Synchronization

/// The instance's signed tree heads: its key, the heads signed so far, and a background
/// signer that follows the commits. The signer works off the write path: it reads the
/// committed tree in a read transaction and writes heads to their own store.
public final class TreeHeads: Sendable {
    /// When the signer signs: once new events are committed, at most every `interval`, and
    /// sooner once `everyEvents` events have come since the last head.
    public struct Policy: Sendable {
        /// The shortest time between two heads while events trickle in.
        public var interval: Duration = .seconds(1)
        /// How many new events make a head due before `interval` has passed.
        public var everyEvents: UInt64 = 10_000

        /// The defaults: every second, or every 10 000 events.
        public init() {}

        /// Whether a head is due once `newEvents` (at least one) were committed since the
        /// last head, signed `sinceLastHead` ago: when `everyEvents` came, or the interval
        /// passed; never sooner.
        public func isDue(newEvents: UInt64, sinceLastHead: Duration) -> Bool {
            newEvents >= everyEvents || sinceLastHead >= interval
        }
    }

    let ledger: Ledger
    let store: TreeHeadStore
    let policy: Policy
    let logger: Logger
    /// The instance's key pair.
    public let key: SigningKey
    // Serialises signing, so two callers never sign the same size twice.
    private let signing = Mutex(())
    private let task = Mutex<Task<Void, Never>?>(nil)

    /// Loads (or creates) the key of data folder `folder` and opens its head store.
    public init(
        ledger: Ledger, folder: String, policy: Policy = Policy(), logger: Logger
    ) throws(AuditError) {
        self.ledger = ledger
        self.policy = policy
        self.logger = logger
        key = try SigningKey.loadOrCreate(in: folder, logger: logger)
        store = try TreeHeadStore(folder: folder)
    }

    /// The head of the largest size, or nil before the first one.
    public func latest() throws(AuditError) -> SignedTreeHead? { try store.latest() }

    /// The head signed at exactly `size`, or nil.
    public func head(size: UInt64) throws(AuditError) -> SignedTreeHead? {
        try store.head(size: size)
    }

    /// The latest head when it covers the tree as committed now; else a head signed now.
    @discardableResult
    public func signCurrent() throws(AuditError) -> SignedTreeHead {
        try signing.withLock { _ throws(AuditError) -> SignedTreeHead in
            let tree: MerkleTreeHead
            do throws(LedgerError) {
                tree = try ledger.merkleHead()
            } catch {
                throw .ledger(error)
            }
            if let latest = try store.latest(), latest.size == tree.size { return latest }
            let head = SignedTreeHead(signing: tree, at: Timestamp.now(), with: key)
            try store.save(head)
            logger.debug(
                "Tree head signed",
                metadata: [
                    "audit.head.size": String(head.size), "audit.head.root": "\(tree.rootHash)",
                ])
            return head
        }
    }

    /// Signs the current tree if needed, then starts following the commits.
    public func start() {
        do {
            try signCurrent()
        } catch {
            logger.error("Tree head not signed", metadata: ["audit.error": "\(error)"])
        }
        let started = Task { [self] in await follow() }
        task.withLock { $0 = started }
    }

    /// Stops the signer and closes the head store.
    public func stop() async {
        let running = task.withLock { $0 }
        running?.cancel()
        await running?.value
        store.close()
    }

    private func follow() async {
        let clock = ContinuousClock()
        var signedSize = (try? store.latest()?.size) ?? 0
        var lastSigned = clock.now
        while !Task.isCancelled && !ledger.isClosed {
            let committed = ledger.committedPosition
            if committed <= signedSize {
                await ledger.waitForCommit(after: signedSize)
                continue
            }
            let waited = clock.now - lastSigned
            if !policy.isDue(newEvents: committed - signedSize, sinceLastHead: waited) {
                try? await Task.sleep(for: min(policy.interval - waited, .milliseconds(20)))
                continue
            }
            do {
                signedSize = try signCurrent().size
            } catch {
                logger.error("Tree head not signed", metadata: ["audit.error": "\(error)"])
                try? await Task.sleep(for: policy.interval)
            }
            lastSigned = clock.now
        }
    }
}
