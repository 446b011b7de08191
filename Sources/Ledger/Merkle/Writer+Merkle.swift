extension Writer {
    /// Adds the event whose chain hash is `chainHash` to the tree and stores each node of a
    /// stored level it completes, in the append's transaction.
    func extendTree(
        _ tree: inout MerkleFrontier, with chainHash: Hash, in transaction: Transaction
    ) throws(LedgerError) {
        try MerkleStore.extend(
            &tree, with: hasher.leaf(chainHash), hasher: hasher, in: transaction,
            nodes: environment.merkle)
    }
}
