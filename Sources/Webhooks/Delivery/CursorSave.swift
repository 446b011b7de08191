import Synchronization

/// One cursor handed to ``CursorCommitter`` without waiting for it: the worker goes on
/// with its next delivery while the cursor's commit runs, and asks for the outcome later,
/// before it hands in another one. Resolved once, by the committer.
final class CursorSave: Sendable {
    private enum State {
        case pending(CheckedContinuation<Result<Void, WebhookError>, Never>?)
        case done(Result<Void, WebhookError>)
    }

    private let state = Mutex(State.pending(nil))

    /// Waits until the cursor is durable; false when its commit failed.
    func succeeded() async -> Bool {
        if case .success = await outcome() { return true }
        return false
    }

    /// Waits for the commit and returns how it went.
    func outcome() async -> Result<Void, WebhookError> {
        await withCheckedContinuation { continuation in
            let known = state.withLock { state -> Result<Void, WebhookError>? in
                switch state {
                case .done(let result): return result
                case .pending:
                    state = .pending(continuation)
                    return nil
                }
            }
            if let known { continuation.resume(returning: known) }
        }
    }

    /// True once the commit ended well (false while it runs).
    var succeededAlready: Bool {
        state.withLock { if case .done(.success) = $0 { true } else { false } }
    }

    /// Records the commit's outcome and wakes the waiter, if one is there.
    func resolve(_ result: Result<Void, WebhookError>) {
        let waiter = state.withLock { state in
            defer { state = .done(result) }
            if case .pending(let continuation) = state { return continuation }
            return nil
        }
        waiter?.resume(returning: result)
    }
}
