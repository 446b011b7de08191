/// Checks RFC 9162 proofs (§2.1.3.2 and §2.1.4.2) from the hashes alone, without a ledger:
/// what an auditor runs on a history bundle.
public enum MerkleVerification {
    /// The leaf hash of an event whose chain hash is `chainHash`: SHA-256(0x00 ‖ chainHash).
    public static func leafHash(chainHash: Hash) -> Hash {
        ChainHasher().leaf(chainHash).hash
    }

    /// The root that `path` leads to from leaf `index` (with hash `leaf`) in a tree of
    /// `size` leaves, or nil when the path has the wrong length for that place.
    public static func root(
        leaf: Hash, index: UInt64, size: UInt64, path: [Hash]
    ) -> Hash? {
        guard index < size else { return nil }
        let hasher = ChainHasher()
        var node = index
        var last = size - 1
        var hash = MerkleDigest(leaf)
        for sibling in path.map(MerkleDigest.init) {
            guard last != 0 else { return nil }
            if node & 1 == 1 || node == last {
                hash = hasher.node(sibling, hash)
                while node & 1 == 0 && node != 0 {
                    node >>= 1
                    last >>= 1
                }
            } else {
                hash = hasher.node(hash, sibling)
            }
            node >>= 1
            last >>= 1
        }
        return last == 0 ? hash.hash : nil
    }

    /// Whether `path` proves that the tree of `oldSize` leaves with root `oldRoot` is a
    /// prefix of the tree of `newSize` leaves with root `newRoot`.
    public static func isConsistent(
        oldSize: UInt64, oldRoot: Hash, newSize: UInt64, newRoot: Hash, path: [Hash]
    ) -> Bool {
        guard oldSize <= newSize else { return false }
        if oldSize == newSize { return path.isEmpty && oldRoot == newRoot }
        if oldSize == 0 { return path.isEmpty }
        var nodes = path
        if oldSize.nonzeroBitCount == 1 { nodes.insert(oldRoot, at: 0) }
        guard let first = nodes.first else { return false }
        let hasher = ChainHasher()
        var node = oldSize - 1
        var last = newSize - 1
        while node & 1 == 1 {
            node >>= 1
            last >>= 1
        }
        var oldHash = MerkleDigest(first)
        var newHash = oldHash
        for sibling in nodes.dropFirst().map(MerkleDigest.init) {
            guard last != 0 else { return false }
            if node & 1 == 1 || node == last {
                oldHash = hasher.node(sibling, oldHash)
                newHash = hasher.node(sibling, newHash)
                while node & 1 == 0 && node != 0 {
                    node >>= 1
                    last >>= 1
                }
            } else {
                newHash = hasher.node(newHash, sibling)
            }
            node >>= 1
            last >>= 1
        }
        return last == 0 && oldHash == MerkleDigest(oldRoot) && newHash == MerkleDigest(newRoot)
    }
}
