extension VerificationWalk {
    /// Adds the event to the rebuilt tree and compares each node of a stored level it
    /// completes with the stored one; what is wrong, or nil.
    mutating func checkTree(
        _ view: RecordView, in transaction: Transaction
    ) throws(LedgerError) -> String? {
        var mismatch: String?
        let nodes = environment.merkle
        try tree.append(hasher.leaf(view.hashBytes), hasher: hasher) {
            level, index, hash throws(LedgerError) in
            guard mismatch == nil, level >= MerkleTree.lowestStoredLevel else { return }
            let key = BigEndian.bytes(MerkleTree.key(level: level, index: index))
            let agrees = try transaction.withValue(nodes, key) { value in
                value.map { $0.count == 32 && MerkleDigest($0) == hash }
            }
            if agrees == nil {
                mismatch = "Merkle node (level \(level), index \(index)) is missing"
            } else if agrees == false {
                mismatch = "Merkle node (level \(level), index \(index)) disagrees with the log"
            }
        }
        return mismatch
    }
}
