/// The shape of the ledger's Merkle tree (RFC 9162 §2.1): the arithmetic that places its
/// nodes, without I/O.
///
/// Leaf `i` is the event at position `i + 1`. A node is named by its level (0 for leaves)
/// and its index within the level; node (l, i) covers leaves `i·2^l ..< (i+1)·2^l`. Only
/// complete nodes at ``lowestStoredLevel`` and above are stored, about one per 8 events; the
/// levels below are hashed again from the log's chain hashes when a proof needs them (at
/// most one block of 16 leaves per proof). Level 4 weighs the two costs: level 5 halves the
/// writes again (already a small part of a commit) but doubles the hashing in every proof.
/// The stored nodes are keyed by the order in which appends complete them (a post-order
/// count), so every write lands after the last key.
///
/// Counting stored nodes is counting the inner nodes of a tree whose leaves are the nodes
/// one level below the lowest stored one: that tree has `n >> (lowestStoredLevel − 1)`
/// leaves when the ledger's has `n`.
enum MerkleTree {
    /// The lowest level kept in the Merkle database.
    static let lowestStoredLevel = 4
    /// The leaves under one node of the lowest stored level: the most a proof hashes again.
    static let blockLeaves: UInt64 = 1 << UInt64(lowestStoredLevel)
    /// The levels folded away when counting stored nodes as inner nodes.
    private static let shift = UInt64(lowestStoredLevel - 1)

    /// How many nodes the database holds for a tree of `leaves` leaves.
    static func storedCount(leaves: UInt64) -> UInt64 {
        innerCount(leaves: leaves >> shift)
    }

    /// The storage key of the node (`level` ≥ ``lowestStoredLevel``, `index`): how many
    /// stored nodes were completed before it.
    static func key(level: Int, index: UInt64) -> UInt64 {
        precondition(
            level >= lowestStoredLevel, "levels below the lowest stored one are not stored")
        let level = level - Int(shift)
        let end = (index + 1) << UInt64(level)
        let topLevel = end.trailingZeroBitCount
        return innerCount(leaves: end) - 1 - UInt64(topLevel - level)
    }

    /// The largest power of two strictly below `count` (which is at least 2).
    static func split(_ count: UInt64) -> UInt64 {
        precondition(count >= 2, "only a tree of two leaves or more splits")
        return 1 << UInt64(63 - (count - 1).leadingZeroBitCount)
    }

    /// The size of the tree that `stored` nodes cover in a log of `head` events: `head`
    /// when they are all its stored nodes, a smaller size when the database lags the log,
    /// nil when no size gives that count (the database holds nodes the log cannot account
    /// for).
    static func size(stored: UInt64, head: UInt64) -> UInt64? {
        if storedCount(leaves: head) == stored { return head }
        guard storedCount(leaves: head) > stored else { return nil }
        var low: UInt64 = 0
        var high = head >> shift
        while low < high {
            let middle = low + (high - low + 1) / 2
            if innerCount(leaves: middle) <= stored { low = middle } else { high = middle - 1 }
        }
        return innerCount(leaves: low) == stored ? low << shift : nil
    }

    /// How many inner nodes a tree of `leaves` leaves has completed.
    private static func innerCount(leaves: UInt64) -> UInt64 {
        leaves - UInt64(leaves.nonzeroBitCount)
    }
}
