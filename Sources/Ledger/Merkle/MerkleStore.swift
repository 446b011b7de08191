import CLMDB
import Logging

/// Writing, sizing and versioning the Merkle database (layout in ``MerkleTree``).
enum MerkleStore {
    /// The `meta` key naming the layout of the Merkle database.
    static let layoutKey = Array("merkle-layout".utf8)
    /// This version's layout: RFC 9162 nodes from ``MerkleTree/lowestStoredLevel`` up, keyed
    /// in post-order. A folder without it (the first layout kept every inner node) or with
    /// another value has its tree emptied and built again from the log at open.
    static let layout = Array("rfc9162/2 levels \(MerkleTree.lowestStoredLevel)+".utf8)

    /// Appends the leaf hash `leaf` to `tree`, putting the stored-level nodes it completes.
    /// Keys only grow, so each put appends.
    static func extend(
        _ tree: inout MerkleFrontier, with leaf: MerkleDigest, hasher: ChainHasher,
        in transaction: Transaction, nodes: Database
    ) throws(LedgerError) {
        try tree.append(leaf, hasher: hasher) { level, index, hash throws(LedgerError) in
            guard level >= MerkleTree.lowestStoredLevel else { return }
            var key = MerkleTree.key(level: level, index: index).bigEndian
            let code = withUnsafeBytes(of: &key) { keyBytes in
                hash.withBytes { value in
                    Transaction.put(
                        transaction.pointer, nodes, keyBytes, value, UInt32(MDB_APPEND))
                }
            }
            try LMDB.check(code, "mdb_put merkle")
        }
    }

    /// How many leaves the stored tree covers, given the log's head position.
    static func size(
        in transaction: Transaction, environment: Environment, head: UInt64
    ) throws(LedgerError) -> UInt64 {
        let stored = try count(in: transaction, environment: environment)
        guard let size = MerkleTree.size(stored: stored, head: head) else {
            throw .corruptMerkle(
                reason: "\(stored) nodes stored, which no tree of at most \(head) leaves has")
        }
        return size
    }

    /// How many nodes the Merkle database holds.
    static func count(
        in transaction: Transaction, environment: Environment
    ) throws(LedgerError) -> UInt64 {
        var stat = MDB_stat()
        try LMDB.check(
            mdb_stat(transaction.pointer, environment.merkle.handle, &stat), "mdb_stat")
        return UInt64(stat.ms_entries)
    }

    /// The right edge of the stored tree of `size` leaves: one read per bit of `size` at
    /// the stored levels, the log's chain hashes below them.
    static func frontier(
        size: UInt64, nodes: MerkleNodes
    ) throws(LedgerError) -> MerkleFrontier {
        var peaks: [MerkleFrontier.Peak] = []
        var start: UInt64 = 0
        for level in stride(from: 63, through: 0, by: -1) where size & (1 << UInt64(level)) != 0 {
            let hash = try nodes.subtree(start: start, count: 1 << UInt64(level))
            peaks.append(MerkleFrontier.Peak(level: level, hash: hash))
            start += 1 << UInt64(level)
        }
        return MerkleFrontier(size: size, peaks: peaks)
    }

    /// Empties a Merkle database written in another layout (or before layouts were named)
    /// and marks it with this one, so that ``MerkleBuilder`` builds it again from the log.
    static func checkLayout(_ environment: Environment, logger: Logger) throws(LedgerError) {
        let found = try environment.read { transaction throws(LedgerError) in
            try transaction.get(environment.meta, layoutKey)
        }
        guard found != layout else { return }
        let dropped = try environment.writeGrowing { transaction throws(LedgerError) in
            let count = try count(in: transaction, environment: environment)
            try LMDB.check(
                mdb_drop(transaction.pointer, environment.merkle.handle, 0), "mdb_drop merkle")
            try transaction.put(environment.meta, layoutKey, layout)
            return count
        }
        guard dropped > 0 else { return }
        logger.info(
            "Merkle database in another layout emptied, to be built again from the log",
            metadata: [
                "ledger.merkle.dropped": String(dropped),
                "ledger.merkle.previous": found.map { String(decoding: $0, as: UTF8.self) }
                    ?? "none",
            ])
    }
}
