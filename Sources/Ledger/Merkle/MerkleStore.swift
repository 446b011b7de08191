import CLMDB

/// Writing, sizing and versioning the Merkle database (layout in ``MerkleTree``).
enum MerkleStore {
    /// The database's name, which names its layout: RFC 9162 nodes from
    /// ``MerkleTree/lowestStoredLevel`` up, keyed in post-order. Another layout gets another
    /// name, and the database of the earlier one is retired (``Environment/retiredDatabases``).
    static let databaseName = "merkle-l\(MerkleTree.lowestStoredLevel)"

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
}
