/// The Merkle tree over the whole log at some size: how many events it covers and its root.
public struct MerkleTreeHead: Sendable, Equatable {
    /// The number of leaves: the events at positions 1 through `size`.
    public var size: UInt64
    /// The RFC 9162 root hash of those leaves.
    public var rootHash: Hash

    /// A tree of `size` leaves with root `rootHash`.
    public init(size: UInt64, rootHash: Hash) {
        self.size = size
        self.rootHash = rootHash
    }
}

/// An RFC 9162 inclusion proof: the event at `position` is leaf `position − 1` of the tree
/// of `treeSize` leaves.
public struct InclusionProof: Sendable, Equatable {
    /// The event's position in the log.
    public var position: UInt64
    /// The size of the tree the proof is against.
    public var treeSize: UInt64
    /// The audit path, lowest sibling first.
    public var path: [Hash]
}

/// An RFC 9162 consistency proof: the tree of `oldSize` leaves is a prefix of the tree of
/// `newSize` leaves.
public struct ConsistencyProof: Sendable, Equatable {
    /// The earlier size.
    public var oldSize: UInt64
    /// The later size.
    public var newSize: UInt64
    /// The proof's nodes, in the RFC's order.
    public var path: [Hash]
}

extension Ledger {
    /// The Merkle tree as committed now (its size is the log's head position).
    public func merkleHead() throws(LedgerError) -> MerkleTreeHead {
        try withTree { nodes, size throws(LedgerError) in
            MerkleTreeHead(size: size, rootHash: try nodes.root(size: size))
        }
    }

    /// The root of the tree over the first `size` events.
    /// - Throws: ``LedgerError/outsideTree(requested:available:)`` past the tree's size.
    public func merkleRoot(size: UInt64) throws(LedgerError) -> Hash {
        try withTree { nodes, available throws(LedgerError) in
            guard size <= available else {
                throw .outsideTree(requested: size, available: available)
            }
            return try nodes.root(size: size)
        }
    }

    /// The proof that the event at `position` is in the tree of `treeSize` events.
    /// - Throws: ``LedgerError/outsideTree(requested:available:)`` when `position` is not in
    ///   `1...treeSize` or `treeSize` is past the tree's size.
    public func inclusionProof(
        position: UInt64, treeSize: UInt64
    ) throws(LedgerError) -> InclusionProof {
        try inclusionProof(position: position, treeSize: treeSize, reads: nil)
    }

    /// ``inclusionProof(position:treeSize:)``, counting its reads in `reads`.
    func inclusionProof(
        position: UInt64, treeSize: UInt64, reads: MerkleReadCount?
    ) throws(LedgerError) -> InclusionProof {
        try withTree(reads: reads) { nodes, available throws(LedgerError) in
            guard treeSize <= available else {
                throw .outsideTree(requested: treeSize, available: available)
            }
            guard position >= 1, position <= treeSize else {
                throw .outsideTree(requested: position, available: treeSize)
            }
            let path = try nodes.inclusionPath(index: position - 1, size: treeSize)
            return InclusionProof(position: position, treeSize: treeSize, path: path)
        }
    }

    /// The proof that the tree of `oldSize` events is a prefix of the tree of `newSize`.
    /// Empty when `oldSize` is 0 or equals `newSize`.
    /// - Throws: ``LedgerError/outsideTree(requested:available:)`` when `oldSize > newSize`
    ///   or `newSize` is past the tree's size.
    public func consistencyProof(
        from oldSize: UInt64, to newSize: UInt64
    ) throws(LedgerError) -> ConsistencyProof {
        try consistencyProof(from: oldSize, to: newSize, reads: nil)
    }

    /// ``consistencyProof(from:to:)``, counting its reads in `reads`.
    func consistencyProof(
        from oldSize: UInt64, to newSize: UInt64, reads: MerkleReadCount?
    ) throws(LedgerError) -> ConsistencyProof {
        try withTree(reads: reads) { nodes, available throws(LedgerError) in
            guard newSize <= available else {
                throw .outsideTree(requested: newSize, available: available)
            }
            guard oldSize <= newSize else {
                throw .outsideTree(requested: oldSize, available: newSize)
            }
            let path =
                oldSize == 0 || oldSize == newSize
                ? [] : try nodes.consistencyPath(old: oldSize, new: newSize)
            return ConsistencyProof(oldSize: oldSize, newSize: newSize, path: path)
        }
    }

    /// Runs `body` in one read transaction with the tree's nodes and its size, counting the
    /// nodes' reads in `reads` when given.
    private func withTree<R>(
        reads: MerkleReadCount? = nil, _ body: (MerkleNodes, UInt64) throws(LedgerError) -> R
    ) throws(LedgerError) -> R {
        try environment.read { transaction throws(LedgerError) in
            let head = try ChainState.last(in: transaction, log: environment.log).position
            let size = try MerkleStore.size(
                in: transaction, environment: environment, head: head)
            let nodes = MerkleNodes(
                transaction: transaction, environment: environment, hasher: ChainHasher(),
                reads: reads)
            return try body(nodes, size)
        }
    }
}
