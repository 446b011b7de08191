import Foundation
import Testing

@testable import Ledger

@Suite struct MerkleTreeTests {
    /// Appends `count` single-event commits and returns the leaf hashes of the whole log.
    private func fill(_ ledger: Ledger, _ count: Int, stream: String = "s") throws -> [Hash] {
        for value in 0..<count {
            _ = try ledger.appendWaiting([Sample.event(value)], to: stream, expected: .any)
        }
        return try ledger.readAll(after: 0, limit: 100_000).map { ReferenceTree.leaf($0.hash) }
    }

    @Test func rootMatchesTheReferenceAtEverySize() throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        #expect(try ledger.merkleHead() == MerkleTreeHead(size: 0, rootHash: Hash.sha256([])))
        var leaves: [Hash] = []
        for value in 0..<70 {
            let position = try ledger.appendWaiting([Sample.event(value)], to: "s", expected: .any)
            let event = try #require(ledger.readAll(after: position[0] - 1, limit: 1).first)
            leaves.append(ReferenceTree.leaf(event.hash))
            let head = try ledger.merkleHead()
            #expect(head.size == UInt64(leaves.count))
            #expect(head.rootHash == ReferenceTree.root(leaves[...]))
        }
        for size in 0...70 {
            #expect(
                try ledger.merkleRoot(size: UInt64(size)) == ReferenceTree.root(leaves[..<size]))
        }
        #expect(throws: LedgerError.outsideTree(requested: 71, available: 70)) {
            try ledger.merkleRoot(size: 71)
        }
    }

    @Test func everyInclusionProofLeadsToTheRoot() throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let leaves = try fill(ledger, 33)
        for size in 1...33 {
            let root = ReferenceTree.root(leaves[..<size])
            for position in 1...size {
                let proof = try ledger.inclusionProof(
                    position: UInt64(position), treeSize: UInt64(size))
                let found = MerkleVerification.root(
                    leaf: leaves[position - 1], index: UInt64(position - 1), size: UInt64(size),
                    path: proof.path)
                #expect(found == root, "position \(position) in tree \(size)")
                let other = leaves[(position) % size]
                if size > 1 {
                    #expect(
                        MerkleVerification.root(
                            leaf: other, index: UInt64(position - 1), size: UInt64(size),
                            path: proof.path) != root)
                }
            }
        }
        #expect(throws: LedgerError.outsideTree(requested: 0, available: 5)) {
            try ledger.inclusionProof(position: 0, treeSize: 5)
        }
    }

    @Test func everyConsistencyProofHoldsAndAnAlteredOneFails() throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let leaves = try fill(ledger, 24)
        for new in 1...24 {
            let newRoot = ReferenceTree.root(leaves[..<new])
            for old in 0...new {
                let oldRoot = ReferenceTree.root(leaves[..<old])
                let proof = try ledger.consistencyProof(from: UInt64(old), to: UInt64(new))
                #expect(
                    MerkleVerification.isConsistent(
                        oldSize: UInt64(old), oldRoot: oldRoot, newSize: UInt64(new),
                        newRoot: newRoot, path: proof.path), "\(old) → \(new)")
                guard old > 0, old < new else { continue }
                let otherRoot = ReferenceTree.root(leaves[1..<old + 1])
                #expect(
                    !MerkleVerification.isConsistent(
                        oldSize: UInt64(old), oldRoot: otherRoot, newSize: UInt64(new),
                        newRoot: newRoot, path: proof.path))
                var altered = proof.path
                altered[altered.count - 1] = leaves[0]
                #expect(
                    !MerkleVerification.isConsistent(
                        oldSize: UInt64(old), oldRoot: oldRoot, newSize: UInt64(new),
                        newRoot: newRoot, path: altered))
            }
        }
    }

    @Test func refusedAppendInAGroupCommitLeavesTheTreeAsTheLog() async throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        _ = try await ledger.append(Sample.events(3), to: "a", expected: .noStream)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    // Every other append expects a version that is never there: refused.
                    let expected: ExpectedVersion = index % 2 == 0 ? .any : .exact(1_000)
                    _ = try? await ledger.append(
                        Sample.events(3, startingAt: index * 3), to: "b\(index % 4)",
                        expected: expected)
                }
            }
            try await group.waitForAll()
        }
        let leaves = try ledger.readAll(after: 0, limit: 1_000).map { ReferenceTree.leaf($0.hash) }
        #expect(leaves.count == 63)
        #expect(try ledger.merkleHead().rootHash == ReferenceTree.root(leaves[...]))
        #expect(try ledger.verify().problem == nil)
    }

    @Test func treeMissingFromAnOlderFolderIsBuiltAtOpen() throws {
        let folder = TemporaryFolder()
        var options = LedgerOptions()
        options.maintainsMerkleTree = false
        var ledger = try Ledger(path: folder.path, options: options)
        _ = try ledger.appendWaiting(Sample.events(1_000), to: "a", expected: .noStream)
        _ = try ledger.appendWaiting(Sample.events(37), to: "b", expected: .noStream)
        ledger.close()
        ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let leaves = try ledger.readAll(after: 0, limit: 2_000).map { ReferenceTree.leaf($0.hash) }
        #expect(
            try ledger.merkleHead()
                == MerkleTreeHead(
                    size: 1_037, rootHash: ReferenceTree.root(leaves[...])))
        let report = try ledger.verify()
        #expect(report.problem == nil)
        #expect(report.treeRoot == ReferenceTree.root(leaves[...]))
    }
}
