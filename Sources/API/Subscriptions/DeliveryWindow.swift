import Synchronization

/// Bounds how many results of one subscription are in flight between the change stream and
/// the transport. The GraphQL engine pulls source events as fast as it executes them, so
/// without this window a slow client would pile results up in memory; with it, the stream
/// stops taking from its ``ChangeMailbox``, which overflows and ends the subscription.
final class DeliveryWindow: Sendable {
    /// The most results in flight.
    let size: Int

    private struct State {
        var inFlight = 0
        var waiter: CheckedContinuation<Void, Never>?
        var cancelled = false
    }

    /// Guards the count and the one waiting producer.
    private let state = Mutex(State())

    /// Makes a window of `size` results.
    init(size: Int = 16) {
        precondition(size > 0, "a delivery window holds at least one result")
        self.size = size
    }

    /// Waits until fewer than `size` results are in flight, then counts one more. Returns
    /// early when the task is cancelled.
    func acquire() async {
        while !tryAcquire() {
            if Task.isCancelled { return }
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let resumeNow = state.withLock { state in
                        if state.inFlight < size || state.cancelled { return true }
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

    /// Counts one result as delivered (sent to the client).
    func release() {
        let waiter = state.withLock { state in
            state.inFlight = max(0, state.inFlight - 1)
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// The results in flight.
    var inFlight: Int { state.withLock { $0.inFlight } }

    private func tryAcquire() -> Bool {
        state.withLock { state in
            guard state.inFlight < size else { return false }
            state.inFlight += 1
            return true
        }
    }
}
