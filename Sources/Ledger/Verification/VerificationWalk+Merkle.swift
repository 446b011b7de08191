extension VerificationWalk {
    /// Adds the event to the rebuilt tree and compares each inner node it completes with the
    /// stored one; what is wrong, or nil.
    mutating func checkTree(
        _ view: RecordView, in transaction: Transaction
    ) throws(LedgerError) -> String? {
        var mismatch: String?
        let nodes = environment.merkle
        try tree.append(hasher.leaf(view.hashBytes), hasher: hasher) {
            level, index, hash throws(LedgerError) in
            guard mismatch == nil else { return }
            let key = BigEndian.bytes(MerkleTree.key(level: level, index: index))
            let stored = try transaction.withValue(nodes, key) { $0.map(Array.init) }
            if stored == nil {
                mismatch = "Merkle node (level \(level), index \(index)) is missing"
            } else if stored != hash.bytes {
                mismatch = "Merkle node (level \(level), index \(index)) disagrees with the log"
            }
        }
        return mismatch
    }
}
