import API
import Foundation
import Ledger
import Synchronization
import Testing

/// A clock the test moves by hand, in microseconds since the epoch.
private final class ManualClock: Sendable {
    private let now = Mutex<Int64>(1_800_000_000_000_000)

    var read: @Sendable () -> Int64 { { self.now.withLock { $0 } } }

    func advance(hours: Int64) { now.withLock { $0 += hours * 3_600_000_000 } }
}

extension IdempotencyStore.Claim {
    /// The pending record of a successful claim.
    fileprivate var claimedRecord: IdempotencyRecord? {
        if case .claimed(let record) = self { record } else { nil }
    }
}

private func temporaryPath() -> String {
    FileManager.default.temporaryDirectory
        .appendingPathComponent("bsd-ledger-idem-store-\(UUID().uuidString)").path
}

@Suite struct IdempotencyStoreTests {
    private let fingerprint = IdempotencyRecord.fingerprint(
        method: "POST", path: "/graphql", body: Array("{}".utf8))
    private let answer = IdempotencyRecord.Response(
        status: 200, contentType: "application/json; charset=utf-8",
        body: Array(#"{"data":{"x":1}}"#.utf8))

    @Test func purgeRemovesRecordsOlderThanTheRetentionAndKeepsRecentOnes() async throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let clock = ManualClock()
        let store = try IdempotencyStore(path: path, clock: clock.read)
        defer { store.close() }
        let old = try #require(
            try await store.begin(user: "u1", key: "old", fingerprint: fingerprint).claimedRecord)
        try await store.finish(user: "u1", key: "old", pending: old, response: answer)
        _ = try await store.begin(user: "u1", key: "old-pending", fingerprint: fingerprint)
        clock.advance(hours: 23)
        _ = try await store.begin(user: "u2", key: "recent", fingerprint: fingerprint)
        clock.advance(hours: 2)

        #expect(try store.purge() == 2)
        #expect(try store.record(user: "u1", key: "old") == nil)
        #expect(try store.record(user: "u1", key: "old-pending") == nil)
        #expect(try store.record(user: "u2", key: "recent") != nil)
        clock.advance(hours: 23)
        #expect(try store.purge() == 1)
        #expect(try store.record(user: "u2", key: "recent") == nil)
    }

    @Test func retentionIsConfigurable() async throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let clock = ManualClock()
        let store = try IdempotencyStore(path: path, retention: .seconds(3_600), clock: clock.read)
        defer { store.close() }
        _ = try await store.begin(user: "u", key: "k", fingerprint: fingerprint)
        #expect(try store.purge() == 0)
        clock.advance(hours: 2)
        #expect(try store.purge() == 1)
    }

    @Test func doneRecordsSurviveAReopen() async throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var store = try IdempotencyStore(path: path)
        let pending = try #require(
            try await store.begin(user: "u", key: "k", fingerprint: fingerprint).claimedRecord)
        try await store.finish(user: "u", key: "k", pending: pending, response: answer)
        _ = try await store.begin(user: "u", key: "running", fingerprint: fingerprint)
        store.close()

        store = try IdempotencyStore(path: path)
        defer { store.close() }
        let done = try #require(try store.record(user: "u", key: "k"))
        #expect(done.response == answer)
        #expect(done.fingerprint == fingerprint)
        #expect(done.createdAt == pending.createdAt)
        #expect(try store.record(user: "u", key: "running")?.response == nil)
    }

    @Test func concurrentClaimsOfOneKeyLetExactlyOneRun() async throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try IdempotencyStore(path: path)
        defer { store.close() }
        let claims = try await withThrowingTaskGroup(of: IdempotencyStore.Claim.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    try await store.begin(user: "u", key: "k", fingerprint: fingerprint)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(claims.compactMap(\.claimedRecord).count == 1)
        for claim in claims {
            if case .taken(let record) = claim { #expect(record.response == nil) }
        }
    }

    @Test func aKeyIsScopedToItsUser() async throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try IdempotencyStore(path: path)
        defer { store.close() }
        _ = try await store.begin(user: "alice", key: "k", fingerprint: fingerprint)
        let bob = try await store.begin(user: "bob", key: "k", fingerprint: fingerprint)
        #expect(bob.claimedRecord != nil)
    }
}
