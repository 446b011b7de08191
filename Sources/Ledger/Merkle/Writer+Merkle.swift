import CLMDB

extension Writer {
    /// Adds the event whose chain hash is `chainHash` to the tree and stores each inner node
    /// it completes, in the append's transaction. Keys only grow, so each put appends.
    func extendTree(
        _ tree: inout MerkleFrontier, with chainHash: Hash, in transaction: Transaction
    ) throws(LedgerError) {
        try MerkleStore.extend(
            &tree, with: hasher.leaf(chainHash), hasher: hasher, in: transaction,
            nodes: environment.merkle)
    }
}

/// Writing and sizing the Merkle database.
enum MerkleStore {
    /// Appends the leaf hash `leaf` to `tree`, putting the inner nodes it completes.
    static func extend(
        _ tree: inout MerkleFrontier, with leaf: Hash, hasher: ChainHasher,
        in transaction: Transaction, nodes: Database
    ) throws(LedgerError) {
        try tree.append(leaf, hasher: hasher) { level, index, hash throws(LedgerError) in
            var key = MerkleTree.key(level: level, index: index).bigEndian
            let code = withUnsafeBytes(of: &key) { keyBytes in
                hash.bytes.withUnsafeBytes { value in
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
        var stat = MDB_stat()
        try LMDB.check(
            mdb_stat(transaction.pointer, environment.merkle.handle, &stat), "mdb_stat")
        let stored = UInt64(stat.ms_entries)
        guard let size = MerkleTree.size(storedInner: stored, head: head) else {
            throw .corruptMerkle(
                reason: "\(stored) inner nodes stored, which no tree of at most \(head) leaves has")
        }
        return size
    }

    /// The right edge of the stored tree of `size` leaves: one read per bit of `size`.
    static func frontier(
        size: UInt64, nodes: MerkleNodes
    ) throws(LedgerError) -> MerkleFrontier {
        var peaks: [MerkleFrontier.Peak] = []
        var start: UInt64 = 0
        for level in stride(from: 63, through: 0, by: -1) where size & (1 << UInt64(level)) != 0 {
            let hash = try nodes.complete(level: level, index: start >> UInt64(level))
            peaks.append(MerkleFrontier.Peak(level: level, hash: hash))
            start += 1 << UInt64(level)
        }
        return MerkleFrontier(size: size, peaks: peaks)
    }
}
