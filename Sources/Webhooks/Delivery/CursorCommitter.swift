import Dispatch
import Ledger
import Synchronization

/// Makes the endpoint workers' cursors durable in groups: every cursor handed in while a
/// commit is under way goes into the next one, so a hundred endpoints acknowledging at once
/// cost one sync instead of a hundred in a row. A caller either waits until its cursor is
/// on disk (``commit(_:for:)``) or hands it in and asks later (``handIn(_:for:)``). The
/// cursors of one caller are committed in the order they are handed in (a later one of the
/// same setting replaces an earlier one still pending). The commits run on a serial queue
/// of their own, never blocking Swift's cooperative threads on the disk.
final class CursorCommitter: Sendable {
    private struct Pending {
        var cursors: [String: EndpointCursor] = [:]
        var waiters: [CursorSave] = []
        var draining = false
    }

    private let store: SideStore
    private let pending = Mutex(Pending())
    private let queue: DispatchQueue
    private let transactions = Atomic<Int>(0)

    /// Commits into `store` under the keys of ``DeliveryStore``, on `queue` (which must be
    /// serial; by default one of its own).
    init(
        store: SideStore,
        queue: DispatchQueue = DispatchQueue(label: "bsd-ledger.webhook-cursors")
    ) {
        self.store = store
        self.queue = queue
    }

    /// How many callers wait for a commit.
    var waiting: Int { pending.withLock { $0.waiters.count } }

    /// How many transactions were committed so far.
    var commits: Int { transactions.load(ordering: .relaxed) }

    /// Returns once `cursor` is durable as setting `id`'s, in a commit shared with the
    /// cursors of other settings handed in meanwhile.
    func commit(_ cursor: EndpointCursor, for id: String) async throws(WebhookError) {
        try await handIn(cursor, for: id).outcome().get()
    }

    /// Hands `cursor` in for the next commit and returns at once; the returned save tells
    /// when it is durable.
    func handIn(_ cursor: EndpointCursor, for id: String) -> CursorSave {
        let save = CursorSave()
        let start = pending.withLock { state in
            state.cursors[id] = cursor
            state.waiters.append(save)
            defer { state.draining = true }
            return !state.draining
        }
        if start { queue.async { self.drain() } }
        return save
    }

    /// Commits what is pending, again and again until nothing is left.
    private func drain() {
        while true {
            let taken = pending.withLock { state -> Pending? in
                guard !state.waiters.isEmpty else {
                    state.draining = false
                    return nil
                }
                defer { state = Pending(draining: true) }
                return state
            }
            guard let taken else { return }
            let entries = taken.cursors.map {
                (key: DeliveryStore.cursorKey($0.key), value: $0.value.bytes)
            }
            let result: Result<Void, WebhookError>
            do {
                try store.put(entries)
                transactions.add(1, ordering: .relaxed)
                result = .success(())
            } catch {
                result = .failure(.store(error))
            }
            for waiter in taken.waiters { waiter.resolve(result) }
        }
    }
}
