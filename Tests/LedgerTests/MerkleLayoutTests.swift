import CLMDB
import Testing

@testable import Ledger

/// The Merkle database keeps only the levels from ``MerkleTree/lowestStoredLevel`` up; the
/// levels below are hashed again from the log. These tests cross many stored blocks and the
/// ragged right edge, and open folders whose store is in an older layout.
@Suite struct MerkleLayoutTests {
    /// Sizes around block boundaries (16 leaves) and powers of two.
    private static let sizes: [Int] = [
        1, 2, 15, 16, 17, 31, 32, 33, 63, 64, 65, 96, 127, 128, 129, 200, 255, 256, 257, 300,
    ]

    /// Appends `count` events in commits of 7 and returns the leaf hashes of the whole log.
    private func fill(_ ledger: Ledger, _ count: Int) throws -> [Hash] {
        var appended = 0
        while appended < count {
            let batch = min(7, count - appended)
            _ = try ledger.appendWaiting(
                Sample.events(batch, startingAt: appended), to: "s", expected: .any)
            appended += batch
        }
        return try ledger.readAll(after: 0, limit: 10_000).map { ReferenceTree.leaf($0.hash) }
    }

    @Test func proofsAcrossStoredBlocksLeadToTheReferenceRoots() throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let leaves = try fill(ledger, 300)
        let roots = Dictionary(
            uniqueKeysWithValues: Self.sizes.map { ($0, ReferenceTree.root(leaves[..<$0])) })
        for size in Self.sizes {
            #expect(try ledger.merkleRoot(size: UInt64(size)) == roots[size])
            for position in 1...size {
                let proof = try ledger.inclusionProof(
                    position: UInt64(position), treeSize: UInt64(size))
                let found = MerkleVerification.root(
                    leaf: leaves[position - 1], index: UInt64(position - 1), size: UInt64(size),
                    path: proof.path)
                #expect(found == roots[size], "position \(position) in tree \(size)")
            }
        }
        for new in Self.sizes {
            for old in Self.sizes where old <= new {
                let proof = try ledger.consistencyProof(from: UInt64(old), to: UInt64(new))
                #expect(
                    MerkleVerification.isConsistent(
                        oldSize: UInt64(old), oldRoot: roots[old]!, newSize: UInt64(new),
                        newRoot: roots[new]!, path: proof.path), "\(old) → \(new)")
            }
        }
    }

    @Test func databaseHoldsOneNodePerBlockAndTheNodesAboveIt() throws {
        #expect(MerkleTree.blockLeaves == 16)
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        _ = try ledger.appendWaiting(Sample.events(1_039), to: "a", expected: .noStream)
        // 1 024 events: 64 blocks of 16, then 32 + 16 + 8 + 4 + 2 + 1 nodes above them; the
        // 15 events after them complete no block.
        #expect(try storedNodes(ledger) == 127)
        _ = try ledger.appendWaiting(Sample.events(1), to: "b", expected: .noStream)
        #expect(try storedNodes(ledger) == 128)
        #expect(try ledger.merkleHead().size == 1_040)
    }

    @Test func databaseOfTheEarlierLayoutIsRemovedAtOpen() throws {
        let folder = TemporaryFolder()
        var ledger = try Ledger(path: folder.path)
        _ = try ledger.appendWaiting(Sample.events(150), to: "a", expected: .noStream)
        // The first layout kept every inner node in `merkle`: 150 − 4 of them here.
        try ledger.write { transaction throws(LedgerError) in
            guard let old = try Self.openDatabase("merkle", in: transaction, creating: true)
            else { return }
            for key in 0..<UInt64(146) {
                try transaction.put(old, BigEndian.bytes(key), Hash.zero.bytes)
            }
        }
        ledger.close()
        ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        let leaves = try ledger.readAll(after: 0, limit: 1_000).map { ReferenceTree.leaf($0.hash) }
        #expect(
            try ledger.merkleHead()
                == MerkleTreeHead(size: 150, rootHash: ReferenceTree.root(leaves[...])))
        let old = try ledger.read { transaction throws(LedgerError) in
            try Self.openDatabase("merkle", in: transaction, creating: false)
        }
        #expect(old == nil)
        #expect(try ledger.verify().problem == nil)
    }

    /// The database `name`, or nil when it does not exist and `creating` is false.
    private static func openDatabase(
        _ name: String, in transaction: Transaction, creating: Bool
    ) throws(LedgerError) -> Database? {
        var handle: MDB_dbi = 0
        let flags = creating ? UInt32(MDB_CREATE) : 0
        let code = mdb_dbi_open(transaction.pointer, name, flags, &handle)
        if code == MDB_NOTFOUND { return nil }
        try LMDB.check(code, "mdb_dbi_open")
        return Database(name: name, handle: handle)
    }

    @Test func verifyNamesAStoredNodeThatDisagreesWithTheLog() throws {
        // Node (level 5, index 1) covers positions 33–64 and is completed by position 64.
        let report = try verifyAfterDamage { transaction, merkle throws(LedgerError) in
            let key = BigEndian.bytes(MerkleTree.key(level: 5, index: 1))
            try transaction.put(merkle, key, Hash.zero.bytes)
        }
        #expect(report.problem?.position == 64)
        #expect(report.eventsChecked == 63)
    }

    @Test func verifyNamesAMissingStoredNode() throws {
        // Node (level 6, index 0) covers positions 1–64 and is completed by position 64.
        let report = try verifyAfterDamage { transaction, merkle throws(LedgerError) in
            try transaction.delete(merkle, BigEndian.bytes(MerkleTree.key(level: 6, index: 0)))
        }
        #expect(report.problem?.position == 64)
        #expect(report.eventsChecked == 63)
    }

    /// Appends 100 events, lets `damage` change the Merkle database, and verifies.
    private func verifyAfterDamage(
        _ damage: (Transaction, Database) throws(LedgerError) -> Void
    ) throws -> VerificationReport {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path)
        defer { ledger.close() }
        _ = try ledger.appendWaiting(Sample.events(100), to: "a", expected: .noStream)
        try ledger.write { transaction throws(LedgerError) in
            try damage(transaction, ledger.environment.merkle)
        }
        return try ledger.verify()
    }

    private func storedNodes(_ ledger: Ledger) throws -> UInt64 {
        try ledger.read { transaction throws(LedgerError) in
            try MerkleStore.count(in: transaction, environment: ledger.environment)
        }
    }
}
