import Dispatch
import Ledger
import Synchronization
import Testing

@testable import Webhooks

@Suite struct CursorSavesTests {
    @Test func aFullWindowHoldsTheWorkerUntilTheOldestSaveIsDurable() async throws {
        let held = try HeldCommitter()
        defer { held.side.close() }
        let committer = held.committer
        var saves = CursorSaves(window: 2)
        #expect(await saves.makeRoom())
        saves.add(committer.handIn(EndpointCursor(position: 1), for: "a"))
        #expect(await saves.makeRoom(), "one save under way leaves room for another")
        saves.add(committer.handIn(EndpointCursor(position: 2), for: "a"))
        let released = Flag()
        let waiting = Task { [saves] in
            var saves = saves
            let room = await saves.makeRoom()
            released.raise()
            return room
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(!released.isRaised, "two saves fill the window")
        held.release()
        #expect(await waiting.value)
        #expect(await saves.settle())
        #expect(saves.count == 0)
    }

    @Test func aFailedSaveStopsTheWorker() async throws {
        let folder = TemporaryFolder()
        let side = try SideStore(path: folder.path + "/webhooks")
        let committer = CursorCommitter(store: side)
        side.close()
        var saves = CursorSaves(window: 1)
        saves.add(committer.handIn(EndpointCursor(position: 1), for: "a"))
        #expect(await saves.makeRoom() == false)
        saves.add(committer.handIn(EndpointCursor(position: 2), for: "a"))
        #expect(await saves.settle() == false)
    }
}

/// A flag one task raises and another reads.
private final class Flag: Sendable {
    private let value = Atomic(false)
    var isRaised: Bool { value.load(ordering: .sequentiallyConsistent) }
    func raise() { value.store(true, ordering: .sequentiallyConsistent) }
}
