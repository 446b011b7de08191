import CLMDB

/// Reads the Merkle tree inside one transaction: complete nodes from the `merkle` database,
/// leaves from the chain hashes in the log. Every proof here reads O(log n) nodes.
struct MerkleNodes {
    let transaction: Transaction
    let environment: Environment
    let hasher: ChainHasher

    /// The hash of the complete subtree (`level`, `index`).
    func complete(level: Int, index: UInt64) throws(LedgerError) -> Hash {
        if level == 0 { return try leaf(index) }
        let key = BigEndian.bytes(MerkleTree.key(level: level, index: index))
        let hash = try transaction.withValue(environment.merkle, key) { value in
            value.flatMap { $0.count == 32 ? Hash(bytes: Array($0)) : nil }
        }
        guard let hash else {
            throw .corruptMerkle(reason: "node (level \(level), index \(index)) is missing")
        }
        return hash
    }

    /// The leaf hash of leaf `index`: the event at position `index + 1`.
    func leaf(_ index: UInt64) throws(LedgerError) -> Hash {
        let position = index + 1
        let hash = try transaction.withValue(environment.log, BigEndian.bytes(position)) {
            value in
            value.flatMap { bytes in
                (try? RecordView(bytes, position: position)).map { hasher.leaf($0.hashBytes) }
            }
        }
        guard let hash else {
            throw .corruptRecord(position: position, reason: "missing or undecodable record")
        }
        return hash
    }

    /// The root of leaves `start ..< start + count`, where `start` is a multiple of the
    /// largest power of two below `count` (true of every range the RFC's recursion makes).
    func subtree(start: UInt64, count: UInt64) throws(LedgerError) -> Hash {
        if count.nonzeroBitCount == 1 && start % count == 0 {
            let level = count.trailingZeroBitCount
            return try complete(level: level, index: start >> UInt64(level))
        }
        let left = MerkleTree.split(count)
        return hasher.node(
            try subtree(start: start, count: left),
            try subtree(start: start + left, count: count - left))
    }

    /// The root of the tree of the first `size` leaves.
    func root(size: UInt64) throws(LedgerError) -> Hash {
        size == 0 ? Hash.sha256([]) : try subtree(start: 0, count: size)
    }

    /// RFC 9162 §2.1.3.1: the audit path of leaf `index` in the tree of `size` leaves,
    /// lowest sibling first.
    func inclusionPath(index: UInt64, size: UInt64) throws(LedgerError) -> [Hash] {
        var siblings: [Hash] = []
        var start: UInt64 = 0
        var count = size
        var target = index
        while count > 1 {
            let left = MerkleTree.split(count)
            if target < left {
                siblings.append(try subtree(start: start + left, count: count - left))
                count = left
            } else {
                siblings.append(try subtree(start: start, count: left))
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
        while target != count {
            let left = MerkleTree.split(count)
            if target <= left {
                nodes.append(try subtree(start: start + left, count: count - left))
                count = left
            } else {
                nodes.append(try subtree(start: start, count: left))
                start += left
                count -= left
                target -= left
                wholeOldTree = false
            }
        }
        if !wholeOldTree { nodes.append(try subtree(start: start, count: count)) }
        return nodes.reversed()
    }
}
