import Glibc
import Synchronization

/// One upgraded connection's state, shared by its I/O thread (``WebSocketPump``) and the
/// tasks that send and receive. Everything mutable sits behind one Mutex; the I/O thread is
/// woken through a pipe whenever a task queues a frame or makes room in the inbox.
final class WebSocketChannel: Sendable {
    /// A message waiting to be handed to wslay, and the sender waiting until it is written
    /// (nil for a close, whose caller waits for the end of the connection instead).
    struct Outgoing {
        /// What a handler sends; the pump frames it through wslay.
        enum Message {
            case text([UInt8])
            case binary([UInt8])
            case ping([UInt8])
            case close(code: UInt16, reason: [UInt8])
        }

        var message: Message
        var sent: CheckedContinuation<Result<Void, WebSocketError>, Never>?
    }

    /// The shared state.
    struct State {
        var inbox: [WebSocketMessage] = []
        var receivers: [(id: Int, waiting: CheckedContinuation<WebSocketMessage?, Never>)] = []
        var nextReceiver = 0
        var outbox: [Outgoing] = []
        /// Our close frame is queued: nothing more is sent, and received data is dropped.
        var closeQueued = false
        /// When to give up waiting for the peer's close frame.
        var closeDeadline: ContinuousClock.Instant?
        var closeReceived = false
        var peerCloseCode: UInt16?
        /// Stop now, without waiting for anything (shutdown deadline).
        var aborted = false
        /// The socket is handed back; the channel is dead.
        var ended = false
        var endWaiters: [CheckedContinuation<Void, Never>] = []
        /// A byte is in the wake pipe that the pump has not drained yet: a later wake-up
        /// needs none of its own, the pump looks at everything once it is awake.
        var wakePending = false
        /// A receiver made room in a full inbox since the pump last looked: the pump reads
        /// the socket again even though the wake-up did not come from it.
        var roomMade = false
    }

    /// The inbox size past which the pump stops reading, so that a handler that does not
    /// receive holds the client back through TCP rather than filling memory.
    static let inboxLimit = 16
    /// How long a close waits for the peer's close frame.
    static let closeTimeout = Duration.seconds(5)

    let state = Mutex(State())
    /// The pipe that wakes the pump: read end, write end.
    let wakeReader: Int32
    let wakeWriter: Int32

    /// Makes a channel with its wake-up pipe, or nil when no pipe can be made.
    init?() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wakeReader = ends[0]
        wakeWriter = ends[1]
    }

    deinit {
        Glibc.close(wakeReader)
        Glibc.close(wakeWriter)
    }

    /// Queues a data message or a ping and waits until it is written. The wake-up byte is
    /// written after the lock is released: the pump, woken at once, then finds it free.
    func send(_ message: Outgoing.Message) async throws(WebSocketError) {
        let result = await withCheckedContinuation { continuation in
            let (refused, wakeUp) = state.withLock { state -> (Bool, Bool) in
                guard !state.closeQueued, !state.ended else { return (true, false) }
                state.outbox.append(Outgoing(message: message, sent: continuation))
                return (false, Self.claimWakeUp(&state))
            }
            if wakeUp { writeWakeByte() }
            if refused { continuation.resume(returning: .failure(.closed)) }
        }
        try result.get()
    }

    /// The next message; nil once the connection is closing or closed and the inbox is empty.
    func receive() async throws(WebSocketError) -> WebSocketMessage? {
        let id = state.withLock { state in
            defer { state.nextReceiver += 1 }
            return state.nextReceiver
        }
        let message = await withTaskCancellationHandler {
            await withCheckedContinuation {
                (continuation: CheckedContinuation<WebSocketMessage?, Never>) in
                state.withLock { state in
                    if let message = take(&state) { return continuation.resume(returning: message) }
                    if Self.isDone(state) || Task.isCancelled {
                        return continuation.resume(returning: nil)
                    }
                    state.receivers.append((id, continuation))
                }
            }
        } onCancel: {
            let waiting = state.withLock { state in
                state.receivers.firstIndex { $0.id == id }.map { state.receivers.remove(at: $0) }
            }
            waiting?.waiting.resume(returning: nil)
        }
        if message == nil, Task.isCancelled, !state.withLock({ Self.isDone($0) }) {
            throw .cancelled
        }
        return message
    }

    /// Queues our close frame unless one is queued already, then waits until the socket is
    /// handed back.
    func close(code: UInt16, reason: String) async {
        state.withLock { state in
            guard !state.closeQueued, !state.ended else { return }
            state.outbox.append(Outgoing(message: .close(code: code, reason: Array(reason.utf8))))
            closing(&state)
            wake(&state)
        }
        await ended()
    }

    /// Waits until the socket is handed back.
    func ended() async {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state in
                if !state.ended { state.endWaiters.append(continuation) }
                return state.ended
            }
            if done { continuation.resume() }
        }
    }

    /// Stops the pump at once, whatever it waits for.
    func abort() {
        state.withLock { state in
            state.aborted = true
            wake(&state)
        }
    }

    /// The code of the peer's close frame.
    var peerCloseCode: UInt16? { state.withLock { $0.peerCloseCode } }

    /// Records that a close frame is on its way (ours, an echo of the peer's, or one for a
    /// broken rule): nothing more is sent, received data is dropped, the peer's answer is
    /// awaited 5 seconds at most, and the receivers get nil once the inbox is empty.
    func closing(_ state: inout State) {
        guard !state.closeQueued else { return }
        state.closeQueued = true
        state.closeDeadline = ContinuousClock.now.advanced(by: Self.closeTimeout)
        deliver(&state)
    }

    /// Hands inbox messages to waiting receivers; once no more can come, wakes the rest with
    /// nil.
    func deliver(_ state: inout State) {
        while !state.receivers.isEmpty, let message = take(&state) {
            state.receivers.removeFirst().waiting.resume(returning: message)
        }
        guard Self.isDone(state) else { return }
        for receiver in state.receivers { receiver.waiting.resume(returning: nil) }
        state.receivers.removeAll()
    }

    /// Writes a byte to the wake pipe unless one is there already. One byte per wake-up
    /// rather than per message: while the pump is awake, what is queued meanwhile costs no
    /// system call.
    func wake(_ state: inout State) {
        if Self.claimWakeUp(&state) { writeWakeByte() }
    }

    /// Whether the caller is to write the wake-up byte (none is pending and the pump still
    /// runs); records it as pending.
    private static func claimWakeUp(_ state: inout State) -> Bool {
        guard !state.ended, !state.wakePending else { return false }
        state.wakePending = true
        return true
    }

    /// The pipe stays open as long as the channel lives (closed in `deinit`), so this may
    /// run outside the lock, even after the pump has ended.
    private func writeWakeByte() {
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)
    }

    /// The pump drained the wake pipe: the next wake-up writes again. Returns whether a
    /// receiver made room in the inbox meanwhile, and forgets it.
    func woken() -> Bool {
        state.withLock { state in
            state.wakePending = false
            defer { state.roomMade = false }
            return state.roomMade
        }
    }

    private func take(_ state: inout State) -> WebSocketMessage? {
        guard !state.inbox.isEmpty else { return nil }
        if state.inbox.count == Self.inboxLimit {
            state.roomMade = true
            wake(&state)
        }
        return state.inbox.removeFirst()
    }

    /// True once no message can arrive any more.
    private static func isDone(_ state: State) -> Bool {
        state.inbox.isEmpty && (state.closeQueued || state.closeReceived || state.ended)
    }
}
