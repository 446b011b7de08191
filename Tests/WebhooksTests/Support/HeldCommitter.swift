import Dispatch
import Ledger

@testable import Webhooks

/// A cursor committer over a fresh side store whose commits do not run until ``release()``,
/// so a test can hand in cursors and look at them before any is durable.
final class HeldCommitter {
    let folder = TemporaryFolder()
    let path: String
    let side: SideStore
    let committer: CursorCommitter
    private let queue = DispatchQueue(label: "test.held-cursor-commits")

    init() throws {
        path = folder.path + "/webhooks"
        side = try SideStore(path: path)
        queue.suspend()
        committer = CursorCommitter(store: side, queue: queue)
    }

    /// Lets the commits run.
    func release() { queue.resume() }

    /// The cursor of setting `id` as stored.
    func stored(_ id: String) throws -> EndpointCursor? {
        try side.withValue(DeliveryStore.cursorKey(id)) { $0.flatMap(EndpointCursor.init(bytes:)) }
    }
}
