import Dispatch
import Foundation
import Ledger
import Synchronization
import Testing

@Suite struct SideStoreTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func valuesSurviveCloseAndReopen() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/side"
        var store = try SideStore(path: path)
        try store.put(bytes("a"), bytes("one"))
        try store.put(bytes("b"), bytes("two"))
        try store.put(bytes("a"), bytes("uno"))
        try store.delete([bytes("b"), bytes("absent")])
        store.close()

        store = try SideStore(path: path)
        defer { store.close() }
        #expect(try store.get(bytes("a")) == bytes("uno"))
        #expect(try store.get(bytes("b")) == nil)
        #expect(try store.withValue(bytes("a")) { $0?.count } == 3)
    }

    @Test func entriesPutTogetherAreAllStoredAndTheLastOfAKeyWins() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/side"
        var store = try SideStore(path: path)
        try store.put(bytes("c"), bytes("old"))
        try store.put([
            (key: bytes("a"), value: bytes("one")), (key: bytes("c"), value: bytes("three")),
            (key: bytes("a"), value: bytes("uno")),
        ])
        try store.put([])
        store.close()
        store = try SideStore(path: path)
        defer { store.close() }
        #expect(try store.get(bytes("a")) == bytes("uno"))
        #expect(try store.get(bytes("c")) == bytes("three"))
    }

    @Test func insertWritesOnlyWhenTheKeyIsAbsent() throws {
        let folder = TemporaryFolder()
        let store = try SideStore(path: folder.path + "/side")
        defer { store.close() }
        #expect(try store.insert(bytes("k"), bytes("first")) == nil)
        #expect(try store.insert(bytes("k"), bytes("second")) == bytes("first"))
        #expect(try store.get(bytes("k")) == bytes("first"))
    }

    @Test func concurrentInsertsOfOneKeyLetExactlyOneWin() throws {
        let folder = TemporaryFolder()
        let store = try SideStore(path: folder.path + "/side")
        defer { store.close() }
        let winners = Mutex<[Int]>([])
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            do {
                if try store.insert(bytes("shared"), bytes("\(index)")) == nil {
                    winners.withLock { $0.append(index) }
                }
            } catch {
                failures.withLock { $0 += 1 }
            }
        }
        let won = winners.withLock { $0 }
        #expect(won.count == 1)
        #expect(failures.withLock { $0 } == 0)
        #expect(try store.get(bytes("shared")) == won.first.map { bytes("\($0)") })
    }

    @Test func forEachVisitsThePrefixInOrderAcrossChunks() throws {
        let folder = TemporaryFolder()
        let store = try SideStore(path: folder.path + "/side")
        defer { store.close() }
        for index in (0..<10).reversed() {
            try store.put(bytes("u1\u{0}k\(index)"), [UInt8(index)])
        }
        try store.put(bytes("u0\u{0}other"), [99])
        try store.put(bytes("u2\u{0}other"), [98])
        var seen: [String: UInt8] = [:]
        var order: [String] = []
        try store.forEach(prefix: bytes("u1\u{0}"), chunk: 3) { key, value in
            let name = String(decoding: key, as: UTF8.self)
            order.append(name)
            seen[name] = value[0]
            return true
        }
        #expect(order == (0..<10).map { "u1\u{0}k\($0)" })
        #expect(seen["u1\u{0}k7"] == 7)

        var all = 0
        try store.forEach(prefix: [], chunk: 4) { _, _ in
            all += 1
            return true
        }
        #expect(all == 12)

        var stoppedAfter = 0
        try store.forEach(prefix: bytes("u1"), chunk: 2) { _, _ in
            stoppedAfter += 1
            return stoppedAfter < 5
        }
        #expect(stoppedAfter == 5)
    }

    @Test func conditionalDeleteRemovesOnlyMatchingValues() throws {
        let folder = TemporaryFolder()
        let store = try SideStore(path: folder.path + "/side")
        defer { store.close() }
        try store.put(bytes("old"), [1])
        try store.put(bytes("new"), [2])
        let removed = try store.delete([bytes("old"), bytes("new"), bytes("gone")]) {
            $0.first == 1
        }
        #expect(removed == 1)
        #expect(try store.get(bytes("old")) == nil)
        #expect(try store.get(bytes("new")) == [2])
    }

    @Test func theMapGrowsWhenFull() throws {
        let folder = TemporaryFolder()
        let store = try SideStore(path: folder.path + "/side", initialMapSize: 1 << 20)
        defer { store.close() }
        let value = [UInt8](repeating: 7, count: 64 * 1024)
        for index in 0..<64 { try store.put(bytes("key-\(index)"), value) }
        #expect(try store.get(bytes("key-0")) == value)
        #expect(try store.get(bytes("key-63")) == value)
    }

    @Test func aSecondOpenOfTheFolderInOneProcessIsRefused() throws {
        let folder = TemporaryFolder()
        let store = try SideStore(path: folder.path + "/side")
        defer { store.close() }
        #expect(throws: LedgerError.self) { try SideStore(path: folder.path + "/side") }
    }

    @Test func callsAfterCloseThrowClosed() throws {
        let folder = TemporaryFolder()
        let store = try SideStore(path: folder.path + "/side")
        store.close()
        #expect(throws: LedgerError.closed) { try store.get(bytes("a")) }
        #expect(throws: LedgerError.closed) { try store.put(bytes("a"), [1]) }
    }

    @Test func sha256MatchesTheStandardVectorAndHashesPartsInOrder() {
        #expect(
            Hash.sha256(bytes("abc")).description
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Hash.sha256(bytes("ab"), [], bytes("c")) == Hash.sha256(bytes("abc")))
        #expect(Hash.sha256(bytes("ab")) != Hash.sha256(bytes("abc")))
    }
}
