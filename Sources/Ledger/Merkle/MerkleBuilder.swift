import CLMDB
import Logging

/// Brings the Merkle database level with the log when the ledger opens: a data folder
/// written before the tree existed, by a benchmark that turned it off, in an earlier layout
/// (whose database is retired at open) or by a version that kept an earlier layout gets the
/// missing leaves added from the log's chain hashes, a chunk of records per write
/// transaction.
enum MerkleBuilder {
    /// Records added per write transaction.
    static let chunk = 50_000

    /// Catches the tree up to `head` and returns its right edge.
    static func catchUp(
        _ environment: Environment, head: UInt64, logger: Logger
    ) throws(LedgerError) -> MerkleFrontier {
        let hasher = ChainHasher()
        var tree = try environment.read { transaction throws(LedgerError) in
            let size = try MerkleStore.size(in: transaction, environment: environment, head: head)
            let nodes = MerkleNodes(
                transaction: transaction, environment: environment, hasher: hasher)
            return try MerkleStore.frontier(size: size, nodes: nodes)
        }
        guard tree.size < head else { return tree }
        let from = tree.size
        logger.info(
            "Building the Merkle tree from the log",
            metadata: ["ledger.merkle.size": String(from), "ledger.head.position": String(head)])
        while tree.size < head {
            tree = try environment.writeGrowing { transaction throws(LedgerError) in
                var draft = tree
                try add(to: &draft, upTo: head, in: transaction, environment, hasher)
                return draft
            }
        }
        logger.info(
            "Merkle tree built",
            metadata: [
                "ledger.merkle.added": String(head - from), "ledger.merkle.size": String(tree.size),
            ])
        return tree
    }

    /// Adds up to ``chunk`` leaves from the log after the tree's last one, storing the nodes
    /// they complete at the stored levels.
    private static func add(
        to tree: inout MerkleFrontier, upTo head: UInt64, in transaction: Transaction,
        _ environment: Environment, _ hasher: ChainHasher
    ) throws(LedgerError) {
        let cursor = try Cursor(transaction: transaction, database: environment.log)
        defer { cursor.close() }
        var entry = try cursor.seek(atOrAfter: BigEndian.bytes(tree.size + 1))
        var added = 0
        while let (key, value) = entry, added < chunk, tree.size < head {
            let position = BigEndian.read(key)
            guard position == tree.size + 1 else {
                throw .corruptRecord(position: tree.size + 1, reason: "missing from the log")
            }
            let view = try RecordView(value, position: position)
            try MerkleStore.extend(
                &tree, with: hasher.leaf(view.hashBytes), hasher: hasher, in: transaction,
                nodes: environment.merkle)
            added += 1
            entry = try cursor.move(MDB_NEXT)
        }
    }
}
