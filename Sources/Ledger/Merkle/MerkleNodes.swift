import CLMDB

/// Reads the Merkle tree inside one transaction: nodes of the stored levels from the
/// `merkle` database, anything below them hashed from the chain hashes in the log. A proof
/// reads O(log n) stored nodes and hashes at most one block of ``MerkleTree/blockLeaves``
/// leaves again.
struct MerkleNodes {
    let transaction: Transaction
    let environment: Environment
    let hasher: ChainHasher
    /// Counts the reads when given (tests).
    var reads: MerkleReadCount? = nil

    /// The root of leaves `start ..< start + count`, where `start` is a multiple of the
    /// smallest power of two not below `count` (true of every range the RFC's recursion
    /// makes), so a range of at most one block lies inside one block. Taken from `leaves`
    /// when they cover the range.
    func subtree(
        start: UInt64, count: UInt64, within leaves: MerkleLeaves? = nil
    ) throws(LedgerError) -> MerkleDigest {
        if let leaves, leaves.covers(start: start, count: count) {
            return leaves.root(start: start, count: count, hasher: hasher)
        }
        if count <= MerkleTree.blockLeaves {
            return try MerkleLeaves(start: start, count: count, nodes: self)
                .root(start: start, count: count, hasher: hasher)
        }
        if count.nonzeroBitCount == 1 {
            let level = count.trailingZeroBitCount
            return try stored(level: level, index: start >> UInt64(level))
        }
        let left = MerkleTree.split(count)
        return hasher.node(
            try subtree(start: start, count: left),
            try subtree(start: start + left, count: count - left))
    }

    /// The stored node (`level` ≥ ``MerkleTree/lowestStoredLevel``, `index`).
    private func stored(level: Int, index: UInt64) throws(LedgerError) -> MerkleDigest {
        reads?.nodes += 1
        let key = BigEndian.bytes(MerkleTree.key(level: level, index: index))
        let hash = try transaction.withValue(environment.merkle, key) { value in
            value.flatMap { $0.count == 32 ? MerkleDigest($0) : nil }
        }
        guard let hash else {
            throw .corruptMerkle(reason: "node (level \(level), index \(index)) is missing")
        }
        return hash
    }

    /// The root of the tree of the first `size` leaves.
    func root(size: UInt64) throws(LedgerError) -> Hash {
        size == 0 ? Hash.sha256([]) : try subtree(start: 0, count: size).hash
    }

    /// RFC 9162 §2.1.3.1: the audit path of leaf `index` in the tree of `size` leaves,
    /// lowest sibling first.
    func inclusionPath(index: UInt64, size: UInt64) throws(LedgerError) -> [Hash] {
        var siblings: [Hash] = []
        siblings.reserveCapacity(64 - size.leadingZeroBitCount)
        var start: UInt64 = 0
        var count = size
        var target = index
        var leaves: MerkleLeaves?
        while count > 1 {
            if leaves == nil, count <= MerkleTree.blockLeaves {
                leaves = try MerkleLeaves(start: start, count: count, nodes: self)
            }
            let left = MerkleTree.split(count)
            if target < left {
                siblings.append(
                    try subtree(start: start + left, count: count - left, within: leaves).hash)
                count = left
            } else {
                siblings.append(try subtree(start: start, count: left, within: leaves).hash)
                start += left
                count -= left
                target -= left
            }
        }
        return siblings.reversed()
    }

    /// RFC 9162 §2.1.4.1: the proof that the tree of `old` leaves is a prefix of the tree
    /// of `new` leaves (0 < old ≤ new).
    func consistencyPath(old: UInt64, new: UInt64) throws(LedgerError) -> [Hash] {
        var nodes: [Hash] = []
        var start: UInt64 = 0
        var count = new
        var target = old
        var wholeOldTree = true
        var leaves: MerkleLeaves?
        while target != count {
            if leaves == nil, count <= MerkleTree.blockLeaves {
                leaves = try MerkleLeaves(start: start, count: count, nodes: self)
            }
            let left = MerkleTree.split(count)
            if target <= left {
                nodes.append(
                    try subtree(start: start + left, count: count - left, within: leaves).hash)
                count = left
            } else {
                nodes.append(try subtree(start: start, count: left, within: leaves).hash)
                start += left
                count -= left
                target -= left
                wholeOldTree = false
            }
        }
        if !wholeOldTree {
            nodes.append(try subtree(start: start, count: count, within: leaves).hash)
        }
        return nodes.reversed()
    }
}
