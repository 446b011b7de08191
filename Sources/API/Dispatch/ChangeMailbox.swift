import Synchronization

/// One subscriber's bounded queue of changes: the dispatcher offers, the subscriber takes.
/// When the subscriber falls `capacity` changes behind, the mailbox drops what it holds and
/// ends with ``Outcome/overflowed``, so a slow consumer costs bounded memory and never slows
/// the dispatcher or the other subscribers.
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

    /// The most changes the mailbox holds.
    let capacity: Int

    private struct State {
        var buffer: [FormChange] = []
        var head = 0
        var overflowed = false
        var finished = false
        var waiter: CheckedContinuation<Void, Never>?
        var cancelled = false

        var isEmpty: Bool { head == buffer.count }
    }

    /// Guards the buffer and the waiting subscriber; offers and takes come from two tasks.
    private let state = Mutex(State())

    /// Makes an empty mailbox holding at most `capacity` changes.
    init(capacity: Int) {
        precondition(capacity > 0, "a mailbox holds at least one change")
        self.capacity = capacity
    }

    /// Queues `change`; returns false when the mailbox is full, which ends it.
    @discardableResult
    func offer(_ change: FormChange) -> Bool {
        let (accepted, waiter) = state.withLock {
            state -> (Bool, CheckedContinuation<Void, Never>?) in
            guard !state.overflowed, !state.finished else { return (false, nil) }
            if state.buffer.count - state.head >= capacity {
                state.overflowed = true
                state.buffer = []
                state.head = 0
            } else {
                state.buffer.append(change)
            }
            let waiter = state.waiter
            state.waiter = nil
            return (!state.overflowed, waiter)
        }
        waiter?.resume()
        return accepted
    }

    /// Ends the mailbox after the changes it holds.
    func finish() {
        let waiter = state.withLock { state in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// The next change, waiting for one; ``Outcome/finished`` once finished and drained or
    /// when the task is cancelled.
    func take() async -> Outcome {
        while true {
            if let outcome = takeNow() { return outcome }
            await waitForOffer()
        }
    }

    /// The number of changes waiting.
    var count: Int { state.withLock { $0.buffer.count - $0.head } }

    private func takeNow() -> Outcome? {
        state.withLock { state in
            if state.overflowed { return .overflowed }
            if !state.isEmpty {
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

    private func waitForOffer() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if !state.isEmpty || state.overflowed || state.finished || state.cancelled {
                        return true
                    }
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                state.cancelled = true
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
    }
}
