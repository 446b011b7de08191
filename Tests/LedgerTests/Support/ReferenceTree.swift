@testable import Ledger

/// The RFC 9162 tree hash computed the slow, obvious way, to hold the stored tree to.
enum ReferenceTree {
    static func leaf(_ chainHash: Hash) -> Hash { Hash.sha256([0], chainHash.bytes) }

    static func root(_ leaves: ArraySlice<Hash>) -> Hash {
        if leaves.isEmpty { return Hash.sha256([]) }
        if leaves.count == 1 { return leaves.first! }
        var split = 1
        while split * 2 < leaves.count { split *= 2 }
        let middle = leaves.startIndex + split
        return Hash.sha256(
            [1], root(leaves[leaves.startIndex..<middle]).bytes,
            root(leaves[middle...]).bytes)
    }
}
