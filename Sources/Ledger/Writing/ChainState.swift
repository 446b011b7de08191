import CLMDB

/// The head of the log as the writer sees it: last position, last hash, last time. It is
/// not stored separately: the last record holds all three, so it cannot disagree with the log.
struct ChainState: Sendable {
    var position: UInt64 = 0
    var hash: Hash = .zero
    var recordedAt: Int64 = 0
    /// The Merkle tree's right edge, kept in step with `position` while the tree is
    /// maintained (rolled back with the rest when an append is refused).
    var tree = MerkleFrontier()

    init() {}

    init(position: UInt64, hash: Hash, recordedAt: Int64) {
        self.position = position
        self.hash = hash
        self.recordedAt = recordedAt
    }

    /// The head read from the last record of the log (the empty head for an empty log).
    static func last(in transaction: Transaction, log: Database) throws(LedgerError) -> ChainState {
        let cursor = try Cursor(transaction: transaction, database: log)
        defer { cursor.close() }
        guard let (key, value) = try cursor.move(MDB_LAST) else { return ChainState() }
        let view = try RecordView(value, position: key.count == 8 ? BigEndian.read(key) : 0)
        return ChainState(
            position: view.position, hash: Hash(bytes: Array(view.hashBytes)),
            recordedAt: view.recordedAt)
    }
}
