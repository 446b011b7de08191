import CLMDB

/// The leaf hashes of a range of at most one block, hashed from the chain hashes of the
/// log's records (read with one cursor), and the RFC 9162 roots of the ranges inside it: a
/// proof reads its block once however many siblings it takes from there.
struct MerkleLeaves {
    /// The first leaf's index.
    let start: UInt64
    private var hashes: [MerkleDigest] = []

    /// Reads leaves `start ..< start + count`: the events at positions `start + 1` onwards.
    init(
        start: UInt64, count: UInt64, nodes: MerkleNodes
    ) throws(LedgerError) {
        self.start = start
        hashes.reserveCapacity(Int(count))
        let cursor = try Cursor(transaction: nodes.transaction, database: nodes.environment.log)
        defer { cursor.close() }
        var entry = try cursor.seek(atOrAfter: BigEndian.bytes(start + 1))
        while hashes.count < count {
            let position = start + UInt64(hashes.count) + 1
            guard let (key, value) = entry, BigEndian.read(key) == position,
                let chainHash = RecordView.chainHash(ofRecord: value)
            else {
                throw .corruptRecord(position: position, reason: "missing or undecodable record")
            }
            hashes.append(nodes.hasher.leaf(chainHash))
            nodes.reads?.records += 1
            entry = try cursor.move(MDB_NEXT)
        }
    }

    /// Whether leaves `start ..< start + count` were read.
    func covers(start: UInt64, count: UInt64) -> Bool {
        start >= self.start && start + count <= self.start + UInt64(hashes.count)
    }

    /// The RFC 9162 root of leaves `start ..< start + count` (1 ≤ count, all covered).
    func root(start: UInt64, count: UInt64, hasher: ChainHasher) -> MerkleDigest {
        if count == 1 { return hashes[Int(start - self.start)] }
        let left = MerkleTree.split(count)
        return hasher.node(
            root(start: start, count: left, hasher: hasher),
            root(start: start + left, count: count - left, hasher: hasher))
    }
}
