import Ledger
import Synchronization

/// The ledger's recent events, read and decoded once for every endpoint worker: one task
/// follows the log after commit and keeps the last `capacity` events, and each worker takes
/// its next batch from here instead of reading the log itself. A worker whose next event is
/// not held (it starts behind, or fell behind past the window) reads the log itself until it
/// catches up (``FeedTail``). Without it, a hundred endpoints meant a hundred decodes of
/// every event, most of them only to find the event was for another company.
final class EventFeed: Sendable {
    /// What ``batch(after:limit:)`` found.
    enum Batch {
        /// The next events after the position asked, in order.
        case events([RecordedEvent])
        /// The next event is older than those held: read it from the log.
        case notHeld
        /// The next event is not in yet: wait for it.
        case ahead
    }

    private struct State {
        var events: [RecordedEvent] = []
        /// The position of `events[0]`.
        var first: UInt64 = 1
    }

    private let ledger: Ledger
    private let capacity: Int
    private let state = Mutex(State())
    /// The last position held, for the workers waiting on it.
    private let signal = HeadNotifier(head: 0)
    private let reader = Mutex<Task<Void, Never>?>(nil)

    /// A feed over `ledger` holding up to `capacity` events (twice that between trims).
    init(ledger: Ledger, capacity: Int = 4_096) {
        precondition(capacity > 0, "the feed holds at least one event")
        self.ledger = ledger
        self.capacity = capacity
    }

    /// Starts following the log after `head`.
    func start(after head: UInt64) {
        state.withLock { $0.first = head + 1 }
        signal.publish(head)
        let task = Task { [self] in
            do {
                for try await event in ledger.tail(after: head) { append(event) }
            } catch {
                // The ledger failed or closed: workers go on with their own reading.
            }
            close()
        }
        reader.withLock { $0 = task }
    }

    /// Stops following the log; waiting workers go on reading it themselves.
    func stop() async {
        let task = reader.withLock { $0 }
        task?.cancel()
        await task?.value
        close()
    }

    /// Whether the feed stopped following the log.
    var isClosed: Bool { signal.isClosed }

    /// Up to `limit` events after `position`, or why there are none.
    func batch(after position: UInt64, limit: Int) -> Batch {
        state.withLock { state in
            if position < state.first - 1 { return .notHeld }
            let start = Int(position + 1 - state.first)
            guard start < state.events.count else { return .ahead }
            let end = min(start + limit, state.events.count)
            return .events(Array(state.events[start..<end]))
        }
    }

    /// Returns once an event after `position` is held, the feed closes or the task is
    /// cancelled.
    func wait(after position: UInt64) async { await signal.wait(after: position) }

    private func append(_ event: RecordedEvent) {
        state.withLock { state in
            if state.events.isEmpty { state.first = event.position }
            state.events.append(event)
            if state.events.count >= 2 * capacity {
                let dropped = state.events.count - capacity
                state.events.removeFirst(dropped)
                state.first += UInt64(dropped)
            }
        }
        signal.publish(event.position)
    }

    private func close() { signal.close() }
}
