import Testing

@testable import Ledger

/// A proof reads O(log n) things: at most two stored nodes per level of the tree (a ragged
/// right edge is assembled from one node per bit of the size), and a bounded number of log
/// records, those of the few blocks of ``MerkleTree/blockLeaves`` leaves the proof's ends
/// fall in, whatever the size. Counted with ``MerkleReadCount`` on a log of 2^14 + 1 000
/// events, where reading the leaves would mean thousands of reads.
@Suite struct MerkleProofCostTests {
    static let size: UInt64 = (1 << 14) + 1_000

    /// Whether `reads` stay within two stored nodes per level of a tree of `treeSize` leaves
    /// and the records of four blocks.
    static func withinBound(_ reads: MerkleReadCount, _ treeSize: UInt64) -> Bool {
        let levels = 64 - (treeSize - 1).leadingZeroBitCount
        return reads.nodes <= 2 * levels && reads.records <= 4 * Int(MerkleTree.blockLeaves)
    }

    /// Tree sizes on and around powers of two and block edges, and the whole log.
    static let treeSizes: [UInt64] = [
        1_000, 8_191, 8_192, 8_193, 12_345, 16_383, 16_384, 16_385, 16_400, size - 1, size,
    ]

    /// `edges`, then 40 random values in `1...limit`.
    static func samples(_ edges: [UInt64], _ limit: UInt64) -> [UInt64] {
        edges + (0..<40).map { _ in UInt64.random(in: 1...limit) }
    }

    static func filled() throws -> (TemporaryFolder, Ledger) {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        var appended = 0
        while appended < Int(size) {
            let batch = min(2_000, Int(size) - appended)
            _ = try ledger.appendWaiting(
                Sample.events(batch, startingAt: appended), to: "s", expected: .any)
            appended += batch
        }
        return (folder, ledger)
    }

    @Test func inclusionProofsReadLogarithmicallyMany() throws {
        let (folder, ledger) = try Self.filled()
        defer { ledger.close() }
        var most = 0
        for treeSize in Self.treeSizes {
            for position in Self.samples(
                [1, 2, 16, 17, treeSize / 2, treeSize - 1, treeSize], treeSize)
            {
                let reads = MerkleReadCount()
                let proof = try ledger.inclusionProof(
                    position: position, treeSize: treeSize, reads: reads)
                let cost = "\(reads.nodes) nodes, \(reads.records) records"
                #expect(
                    Self.withinBound(reads, treeSize),
                    "position \(position) of \(treeSize): \(cost)")
                #expect(proof.path.count <= 64 - (treeSize - 1).leadingZeroBitCount)
                most = max(most, reads.nodes)
            }
        }
        // The counter sees the stored nodes the proofs read.
        #expect(most > 0)
        _ = folder
    }

    @Test func consistencyProofsReadLogarithmicallyMany() throws {
        let (folder, ledger) = try Self.filled()
        defer { ledger.close() }
        var most = 0
        for new in Self.treeSizes {
            for old in Self.samples([1, 15, 16, 17, new / 2, new - 1], new) {
                let reads = MerkleReadCount()
                _ = try ledger.consistencyProof(from: old, to: new, reads: reads)
                #expect(
                    Self.withinBound(reads, new),
                    "\(old) → \(new): \(reads.nodes) nodes, \(reads.records) records")
                most = max(most, reads.nodes)
            }
        }
        #expect(most > 0)
        _ = folder
    }
}
