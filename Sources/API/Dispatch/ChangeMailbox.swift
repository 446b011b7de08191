import Synchronization

/// One subscriber's bounded queue of changes: the dispatcher offers, the subscriber takes.
///
/// The bound counts the changes waiting here plus, once ``trackDelivery()`` was called, the
/// results handed on but not yet reported ``delivered()`` by the transport: the GraphQL
/// engine pulls events as fast as it executes them, so without this a slow client would pile
/// results up further down. Past the bound the mailbox drops what it holds and ends with
/// ``Outcome/overflowed``: a slow consumer costs bounded memory and never slows the
/// dispatcher or the other subscribers.
final class ChangeMailbox: Sendable {
    /// What taking from the mailbox gives.
    enum Outcome: Sendable {
        /// The next change, in position order.
        case change(FormChange)
        /// The subscriber fell too far behind; nothing more will come.
        case overflowed
        /// The dispatcher stopped, or the taking task was cancelled.
        case finished
    }

    /// The most changes waiting or in flight.
    let capacity: Int

    private struct State {
        var buffer: [FormChange] = []
        var head = 0
        var tracking = false
        var inFlight = 0
        var overflowed = false
        var finished = false
        var cancelled = false
        var waiter: CheckedContinuation<Void, Never>?

        var waiting: Int { buffer.count - head }
        var ended: Bool { overflowed || finished || cancelled }

        mutating func wake() -> CheckedContinuation<Void, Never>? {
            defer { waiter = nil }
            return waiter
        }
    }

    /// Guards the buffer, the counts and the one waiting consumer; offers, takes and
    /// delivery reports come from different tasks.
    private let state = Mutex(State())

    /// Makes an empty mailbox bounded by `capacity` changes.
    init(capacity: Int) {
        precondition(capacity > 0, "a mailbox holds at least one change")
        self.capacity = capacity
    }

    /// Queues `change`; returns false when the bound is reached, which ends the mailbox.
    @discardableResult
    func offer(_ change: FormChange) -> Bool {
        let (accepted, waiter) = state.withLock {
            state -> (Bool, CheckedContinuation<Void, Never>?) in
            guard !state.overflowed, !state.finished else { return (false, nil) }
            if state.waiting + state.inFlight >= capacity {
                state.overflowed = true
                state.buffer = []
                state.head = 0
            } else {
                state.buffer.append(change)
            }
            return (!state.overflowed, state.wake())
        }
        waiter?.resume()
        return accepted
    }

    /// Ends the mailbox after the changes it holds.
    func finish() {
        let waiter = state.withLock { state in
            state.finished = true
            return state.wake()
        }
        waiter?.resume()
    }

    /// From now on, results handed on count against the bound until ``delivered()``.
    func trackDelivery() {
        state.withLock { $0.tracking = true }
    }

    /// Counts one result handed on to the transport (a live change or a catch-up one).
    func handedOn() {
        state.withLock { state in
            if state.tracking { state.inFlight += 1 }
        }
    }

    /// The transport sent one result to the client.
    func delivered() {
        let waiter = state.withLock { state in
            state.inFlight = max(0, state.inFlight - 1)
            return state.wake()
        }
        waiter?.resume()
    }

    /// The next change, waiting for one; ``Outcome/finished`` once finished and drained or
    /// when the task is cancelled.
    func take() async -> Outcome {
        while true {
            if let outcome = takeNow() { return outcome }
            await wait { $0.waiting > 0 }
        }
    }

    /// Waits until fewer than `limit` results are in flight; false when the mailbox ended
    /// meanwhile (overflow, stop or cancellation). Paces catch-up to the client.
    func waitForRoom(limit: Int) async -> Bool {
        while true {
            let (room, ended) = state.withLock { ($0.inFlight < limit, $0.overflowed) }
            if ended || Task.isCancelled { return false }
            if room { return true }
            await wait { $0.inFlight < limit }
        }
    }

    /// The number of changes waiting.
    var count: Int { state.withLock { $0.waiting } }

    private func takeNow() -> Outcome? {
        state.withLock { state in
            if state.overflowed { return .overflowed }
            if state.waiting > 0 {
                let change = state.buffer[state.head]
                state.head += 1
                if state.head >= 256, state.head * 2 >= state.buffer.count {
                    state.buffer.removeFirst(state.head)
                    state.head = 0
                }
                return .change(change)
            }
            if state.finished || state.cancelled { return .finished }
            return nil
        }
    }

    /// Suspends until `ready` holds or the mailbox ends; any change of state wakes it, and
    /// the caller checks again.
    private func wait(until ready: @Sendable (borrowing State) -> Bool) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if ready(state) || state.ended { return true }
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                state.cancelled = true
                return state.wake()
            }
            waiter?.resume()
        }
    }
}
