/// The shape of the ledger's Merkle tree (RFC 9162 §2.1): the arithmetic that places its
/// nodes, without I/O.
///
/// Leaf `i` is the event at position `i + 1`. A node is named by its level (0 for leaves)
/// and its index within the level; node (l, i) covers leaves `i·2^l ..< (i+1)·2^l`. Only
/// complete nodes above the leaves are stored, keyed by the order in which appends complete
/// them (a post-order count), so every write lands after the last key.
enum MerkleTree {
    /// How many inner nodes a tree of `leaves` leaves has completed.
    static func innerCount(leaves: UInt64) -> UInt64 {
        leaves - UInt64(leaves.nonzeroBitCount)
    }

    /// The storage key of the inner node (`level` ≥ 1, `index`): how many inner nodes were
    /// completed before it.
    static func key(level: Int, index: UInt64) -> UInt64 {
        precondition(level >= 1, "leaves are not stored in the Merkle database")
        let end = (index + 1) << UInt64(level)
        let topLevel = end.trailingZeroBitCount
        return innerCount(leaves: end) - 1 - UInt64(topLevel - level)
    }

    /// The largest power of two strictly below `count` (which is at least 2).
    static func split(_ count: UInt64) -> UInt64 {
        precondition(count >= 2, "only a tree of two leaves or more splits")
        return 1 << UInt64(63 - (count - 1).leadingZeroBitCount)
    }

    /// The largest tree size `n ≤ head` whose inner-node count is `stored`, or nil when no
    /// size gives that count (the database holds nodes the log cannot account for).
    static func size(storedInner stored: UInt64, head: UInt64) -> UInt64? {
        if innerCount(leaves: head) == stored { return head }
        guard innerCount(leaves: head) > stored else { return nil }
        var low: UInt64 = 0
        var high = head
        while low < high {
            let middle = low + (high - low + 1) / 2
            if innerCount(leaves: middle) <= stored { low = middle } else { high = middle - 1 }
        }
        return innerCount(leaves: low) == stored ? low : nil
    }
}
