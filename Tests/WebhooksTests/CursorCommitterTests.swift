import Dispatch
import Ledger
import Testing

@testable import Webhooks

@Suite struct CursorCommitterTests {
    @Test func cursorsHandedInTogetherShareOneCommitAndAreDurable() async throws {
        let held = try HeldCommitter()
        let committer = held.committer
        let workers = (0..<50).map { index in
            Task {
                try await committer.commit(
                    EndpointCursor(position: UInt64(100 + index)), for: "setting-\(index)")
            }
        }
        while committer.waiting < 50 { try await Task.sleep(for: .milliseconds(2)) }
        held.release()
        for worker in workers { try await worker.value }
        #expect(committer.commits == 1)
        held.side.close()
        let reopened = try DeliveryStore(path: held.path)
        defer { reopened.close() }
        for index in 0..<50 {
            #expect(
                try reopened.cursor("setting-\(index)")
                    == EndpointCursor(position: UInt64(100 + index)))
        }
    }

    @Test func aCursorCommittedAgainKeepsItsLatestValue() async throws {
        let folder = TemporaryFolder()
        let store = try DeliveryStore(path: folder.path + "/webhooks")
        defer { store.close() }
        for position: UInt64 in [3, 9, 27] {
            try await store.commit(EndpointCursor(position: position), for: "a")
        }
        #expect(try store.cursor("a") == EndpointCursor(position: 27))
    }

    @Test func cursorsHandedInWithoutWaitingLandInOrderAndReportWhenDurable() async throws {
        let held = try HeldCommitter()
        defer { held.side.close() }
        let committer = held.committer
        let saves = [5, 6, 7].map { committer.handIn(EndpointCursor(position: $0), for: "a") }
        #expect(committer.waiting == 3)
        held.release()
        for save in saves { #expect(await save.succeeded()) }
        #expect(committer.commits == 1)
        let late = committer.handIn(EndpointCursor(position: 8), for: "a")
        #expect(await late.succeeded())
        #expect(await late.succeeded(), "a resolved save answers again at once")
        #expect(try held.stored("a") == EndpointCursor(position: 8))
    }

    @Test func aFailedCommitReachesEveryWaiter() async throws {
        let folder = TemporaryFolder()
        let side = try SideStore(path: folder.path + "/webhooks")
        let committer = CursorCommitter(store: side)
        side.close()
        await #expect(throws: WebhookError.self) {
            try await committer.commit(EndpointCursor(position: 1), for: "a")
        }
        #expect(await committer.handIn(EndpointCursor(position: 2), for: "a").succeeded() == false)
    }
}
