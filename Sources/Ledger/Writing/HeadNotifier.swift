import Synchronization

/// Tells waiters that a position moved forward: the writer publishes the log's committed head
/// after each commit for tailers; other followers of the log (a feed of recent events) use
/// one of their own.
public final class HeadNotifier: Sendable {
    private struct State {
        var head: UInt64 = 0
        var closed = false
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var cancelled: Set<Int> = []
    }

    private let state = Mutex(State())

    /// A notifier standing at `head`.
    public init(head: UInt64) {
        state.withLock { $0.head = head }
    }

    /// The last committed position.
    public var head: UInt64 { state.withLock { $0.head } }

    /// Records a new committed head and wakes every waiter.
    public func publish(_ head: UInt64) {
        let woken = state.withLock { state in
            state.head = max(state.head, head)
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in woken { waiter.resume() }
    }

    /// Wakes every waiter for good: the ledger is closing.
    public func close() {
        let woken = state.withLock { state in
            state.closed = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in woken { waiter.resume() }
    }

    /// Returns once the head is past `position`, the ledger closes or the task is cancelled.
    public func wait(after position: UInt64) async {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.head > position || state.closed || state.cancelled.remove(id) != nil {
                        return true
                    }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                if let waiter = state.waiters.removeValue(forKey: id) { return Optional(waiter) }
                state.cancelled.insert(id)
                return nil
            }
            waiter?.resume()
        }
    }

    /// Whether ``close()`` was called.
    public var isClosed: Bool { state.withLock { $0.closed } }
}
