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
        /// The next events after the position asked, in order: a slice of an array the feed
        /// no longer changes, so handing it out copies no event.
        case events(ArraySlice<RecordedEvent>)
        /// The next event is older than those held: read it from the log.
        case notHeld
        /// The next event is not in yet: wait for it.
        case ahead
    }

    /// Events of consecutive positions, from `first` on.
    private struct Segment {
        var first: UInt64
        var events: [RecordedEvent]
        var end: UInt64 { first + UInt64(events.count) }
    }

    /// The events held, as sealed segments and an open one that takes appends. A batch from
    /// the open segment seals it first, so a batch handed out shares the segment's storage
    /// instead of copying each event (a hundred workers copying every event, each a handful
    /// of reference counts, was a tenth of their work while draining a backlog).
    private struct State {
        var sealed: [Segment] = []
        var open = Segment(first: 1, events: [])
        /// How many events the sealed segments hold.
        var sealedCount = 0
        /// The position of the first event held.
        var first: UInt64 { sealed.first?.first ?? open.first }
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
        state.withLock { $0.open = Segment(first: head + 1, events: []) }
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
            let next = position + 1
            if next < state.first { return .notHeld }
            if next >= state.open.end { return .ahead }
            if next >= state.open.first { Self.seal(&state) }
            let segment = Self.segment(holding: next, in: state.sealed)
            let start = Int(next - segment.first)
            let end = min(start + limit, segment.events.count)
            return .events(segment.events[start..<end])
        }
    }

    /// The sealed segment holding position `next`, which is held.
    private static func segment(holding next: UInt64, in sealed: [Segment]) -> Segment {
        var low = 0
        var high = sealed.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if sealed[middle].first <= next { low = middle } else { high = middle - 1 }
        }
        return sealed[low]
    }

    /// Drops the oldest sealed segments until at most `count` events are held (or none
    /// sealed is left).
    private static func trim(_ state: inout State, to count: Int) {
        var dropped = 0
        var kept = state.sealedCount + state.open.events.count
        while dropped < state.sealed.count, kept > count {
            kept -= state.sealed[dropped].events.count
            dropped += 1
        }
        state.sealedCount = kept - state.open.events.count
        state.sealed.removeFirst(dropped)
    }

    /// Moves the open segment, not empty, to the sealed ones.
    private static func seal(_ state: inout State) {
        let end = state.open.end
        state.sealedCount += state.open.events.count
        state.sealed.append(state.open)
        state.open = Segment(first: end, events: [])
    }

    /// Returns once an event after `position` is held, the feed closes or the task is
    /// cancelled.
    func wait(after position: UInt64) async { await signal.wait(after: position) }

    private func append(_ event: RecordedEvent) {
        state.withLock { state in
            if event.position != state.open.end {
                // Not the next position (never seen from the ledger's tail): start afresh.
                state = State(open: Segment(first: event.position, events: []))
            }
            state.open.events.append(event)
            if state.open.events.count >= capacity { Self.seal(&state) }
            if state.sealedCount + state.open.events.count >= 2 * capacity {
                Self.trim(&state, to: capacity)
            }
        }
        signal.publish(event.position)
    }

    private func close() { signal.close() }
}
