/// The right edge of the Merkle tree: the roots of the complete subtrees that make up a tree
/// of `size` leaves, one per bit set in `size`, largest first. Appending a leaf merges equal
/// subtrees and reports each inner node it completes, so the writer needs no read to extend
/// the tree.
struct MerkleFrontier: Sendable {
    /// One complete subtree on the edge.
    struct Peak: Sendable {
        var level: Int
        var hash: MerkleDigest
    }

    private(set) var size: UInt64 = 0
    private(set) var peaks: [Peak] = []

    init() {}

    init(size: UInt64, peaks: [Peak]) {
        precondition(peaks.count == size.nonzeroBitCount, "one peak per bit of the size")
        self.size = size
        self.peaks = peaks
    }

    /// Adds the leaf hash `leaf`; `completed` receives each inner node the leaf completes,
    /// lowest first, as (level, index, hash).
    mutating func append<Failure: Error>(
        _ leaf: MerkleDigest, hasher: ChainHasher,
        completed: (Int, UInt64, MerkleDigest) throws(Failure) -> Void
    ) throws(Failure) {
        var peak = Peak(level: 0, hash: leaf)
        var index = size
        while let last = peaks.last, last.level == peak.level {
            peaks.removeLast()
            peak = Peak(level: peak.level + 1, hash: hasher.node(last.hash, peak.hash))
            index >>= 1
            try completed(peak.level, index, peak.hash)
        }
        peaks.append(peak)
        size += 1
    }

    /// The tree's root hash (RFC 9162: the SHA-256 of nothing for the empty tree).
    func root(hasher: ChainHasher) -> MerkleDigest {
        guard var root = peaks.last?.hash else { return MerkleDigest(Hash.sha256([])) }
        for peak in peaks.dropLast().reversed() { root = hasher.node(peak.hash, root) }
        return root
    }
}
