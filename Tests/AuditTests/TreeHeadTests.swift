import Audit
import Foundation
import Ledger
import Logging
import Testing

@Suite struct TreeHeadTests {
    /// A fixture whose signer runs with that policy.
    static func startedSigner(interval: Duration, everyEvents: UInt64) throws -> AuditFixture {
        var policy = TreeHeads.Policy()
        policy.interval = interval
        policy.everyEvents = everyEvents
        let fixture = try AuditFixture(policy: policy)
        fixture.heads.start()
        return fixture
    }

    /// The latest head's size once it reaches `size`, or after about ten seconds.
    static func latestSize(_ heads: TreeHeads, reaching size: UInt64) async throws -> UInt64 {
        var latest: UInt64 = 0
        for _ in 0..<500 where latest < size {
            try await Task.sleep(for: .milliseconds(20))
            latest = try heads.latest()?.size ?? 0
        }
        return latest
    }

    @Test func keyIsCreatedOnceOwnerOnlyAndReloaded() throws {
        let fixture = try AuditFixture()
        let attributes = try FileManager.default.attributesOfItem(
            atPath: fixture.path + "/" + SigningKey.fileName)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let again = try SigningKey.loadOrCreate(
            in: fixture.path, logger: Logger.discarding(label: "test"))
        #expect(again.verifyingKey == fixture.heads.key.verifyingKey)
        #expect(fixture.heads.key.verifyingKey.keyId.count == 16)
    }

    @Test func loadingTheKeyOfAFolderWithoutOneWritesNothing() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("bsd-ledger-no-key-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let logger = Logger.discarding(label: "test")
        #expect(try SigningKey.load(in: folder, logger: logger) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
        let created = try SigningKey.loadOrCreate(in: folder, logger: logger)
        #expect(
            try SigningKey.load(in: folder, logger: logger)?.verifyingKey == created.verifyingKey)
    }

    @Test func signedHeadVerifiesAndAnyForgeryFails() throws {
        let fixture = try AuditFixture()
        try fixture.append(5, to: "a")
        let head = try fixture.heads.signCurrent()
        let key = fixture.heads.key.verifyingKey
        #expect(head.size == 5)
        #expect(head.rootHash == (try fixture.ledger.merkleRoot(size: 5)))
        #expect(head.problem(with: key) == nil)
        var bigger = head
        bigger.size = 6
        #expect(bigger.problem(with: key) != nil)
        var otherRoot = head
        otherRoot.rootHash = Hash.zero
        #expect(otherRoot.problem(with: key) != nil)
        let stranger = SigningKey(seed: [UInt8](repeating: 9, count: 32))
        let foreign = SignedTreeHead(
            signing: MerkleTreeHead(size: head.size, rootHash: head.rootHash), at: 0,
            with: stranger)
        #expect(foreign.problem(with: key) != nil)
        let reread = try SignedTreeHead(jsonText: head.jsonBytes)
        #expect(reread == head)
        #expect(try fixture.heads.head(size: 5) == head)
        #expect(try fixture.heads.head(size: 4) == nil)
    }

    @Test func signerFollowsCommitsEveryNEvents() async throws {
        let fixture = try Self.startedSigner(interval: .seconds(3_600), everyEvents: 10)
        #expect(try fixture.heads.latest()?.size == 0)
        try fixture.append(25, to: "a")
        let latest = try await Self.latestSize(fixture.heads, reaching: 20)
        #expect(latest >= 20)
        await fixture.heads.stop()
    }

    @Test func aHeadIsDueOnlyAfterNEventsOrTheInterval() {
        var policy = TreeHeads.Policy()
        policy.interval = .seconds(5)
        policy.everyEvents = 10
        #expect(!policy.isDue(newEvents: 1, sinceLastHead: .zero))
        #expect(!policy.isDue(newEvents: 9, sinceLastHead: .milliseconds(4_999)))
        #expect(policy.isDue(newEvents: 10, sinceLastHead: .zero))
        #expect(policy.isDue(newEvents: 1, sinceLastHead: .seconds(5)))
        #expect(
            TreeHeads.Policy().isDue(newEvents: 9_999, sinceLastHead: .milliseconds(999)) == false)
    }

    @Test func noHeadIsSignedBeforeTheIntervalWhileFewerThanNEventsCame() async throws {
        let fixture = try Self.startedSigner(interval: .seconds(3_600), everyEvents: 10)
        // Nine commits of one event, with pauses that let the signer look at each: none
        // makes a head due within the hour.
        for value in 0..<9 {
            try fixture.append(1, to: "a", first: value)
            try await Task.sleep(for: .milliseconds(30))
        }
        // The tenth does; wait for its head.
        try fixture.append(1, to: "a", first: 9)
        let latest = try await Self.latestSize(fixture.heads, reaching: 10)
        #expect(latest == 10)
        for size in UInt64(1)...9 {
            #expect(try fixture.heads.head(size: size) == nil, "a head was signed at \(size)")
        }
        #expect(try fixture.heads.head(size: 0) != nil)
        await fixture.heads.stop()
    }

    @Test func signerSignsPendingEventsOnceTheIntervalPasses() async throws {
        let fixture = try Self.startedSigner(interval: .milliseconds(200), everyEvents: 1_000_000)
        try fixture.append(3, to: "a")
        let latest = try await Self.latestSize(fixture.heads, reaching: 3)
        #expect(latest == 3)
        await fixture.heads.stop()
    }
}
