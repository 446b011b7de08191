import CMicroHTTPD
import Glibc

/// The I/O thread of one upgraded connection: polls the socket and the channel's wake pipe,
/// reads and parses frames, answers pings, writes queued frames, runs the close handshake,
/// and finally hands the socket back to libmicrohttpd.
///
/// A thread per connection keeps blocking-free code simple and never occupies a polling
/// thread of libmicrohttpd or a thread of Swift's cooperative pool; it sleeps in `poll`
/// while nothing happens.
final class WebSocketPump: @unchecked Sendable {
    private let channel: WebSocketChannel
    private let socket: Int32
    nonisolated(unsafe) private let upgradeHandle: OpaquePointer
    private var reader: WebSocketReader
    private var pending: [WebSocketChannel.Outgoing] = []
    private var written = 0
    private var closeWritten = false
    private var peerGone = false
    private let onEnd: @Sendable () -> Void

    /// Makes the pump; `extra` holds bytes libmicrohttpd read past the request's head.
    /// `onEnd` runs on the pump's thread once the socket is handed back.
    init(
        channel: WebSocketChannel, socket: Int32, handle: OpaquePointer, extra: [UInt8],
        maxMessageBytes: Int, onEnd: @escaping @Sendable () -> Void
    ) {
        self.channel = channel
        self.socket = socket
        self.upgradeHandle = handle
        self.onEnd = onEnd
        reader = WebSocketReader(maxMessageBytes: maxMessageBytes)
        if !extra.isEmpty { self.handle(reader.read(extra)) }
    }

    /// Starts the thread; false when none could be made (the socket is then handed back).
    func start() -> Bool {
        var thread = pthread_t()
        let code = pthread_create(
            &thread, nil,
            { raw in
                Unmanaged<WebSocketPump>.fromOpaque(raw!).takeRetainedValue().run()
                return nil
            }, Unmanaged.passRetained(self).toOpaque())
        if code != 0 {
            Unmanaged.passUnretained(self).release()
            finish()
            return false
        }
        pthread_detach(thread)
        return true
    }

    private func run() {
        _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
        while true {
            let plan = channel.state.withLock { state in
                pending += state.outbox
                state.outbox.removeAll()
                return (
                    read: !state.closeReceived && !state.failed
                        && state.inbox.count < WebSocketChannel.inboxLimit,
                    end: shouldEnd(state), deadline: state.closeDeadline
                )
            }
            if plan.end { break }
            flush()
            if peerGone { break }
            wait(read: plan.read, deadline: plan.deadline)
            if peerGone { break }
        }
        finish()
    }

    private func shouldEnd(_ state: WebSocketChannel.State) -> Bool {
        if state.aborted || peerGone { return true }
        if closeWritten && (state.closeReceived || state.failed) { return true }
        if let deadline = state.closeDeadline, ContinuousClock.now >= deadline { return true }
        return false
    }

    /// Sleeps until the socket or the wake pipe is ready or the close deadline passes, then
    /// reads what came.
    private func wait(read: Bool, deadline: ContinuousClock.Instant?) {
        var events = Int16(read ? POLLIN : 0)
        if !pending.isEmpty { events |= Int16(POLLOUT) }
        var fds = [
            pollfd(fd: socket, events: events, revents: 0),
            pollfd(fd: channel.wakeReader, events: Int16(POLLIN), revents: 0),
        ]
        let timeout = deadline.map { Self.milliseconds(until: $0) } ?? -1
        guard poll(&fds, 2, timeout) > 0 else { return }
        if fds[1].revents != 0 { drainWakePipe() }
        let ready = fds[0].revents
        if ready & Int16(POLLIN | POLLHUP | POLLERR) != 0 && read { receive() }
        if ready & Int16(POLLERR | POLLHUP) != 0 && !read { peerGone = true }
    }

    private func receive() {
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if count == 0 || (count < 0 && errno != EAGAIN && errno != EINTR) {
            peerGone = true
            return
        }
        guard count > 0 else { return }
        handle(reader.read(chunk.prefix(count)))
    }

    /// Acts on what the reader found, under the channel's lock.
    private func handle(_ events: [WebSocketReader.Event]) {
        guard !events.isEmpty else { return }
        channel.state.withLock { state in
            for event in events { apply(event, to: &state) }
            channel.deliver(&state)
        }
    }

    private func apply(_ event: WebSocketReader.Event, to state: inout WebSocketChannel.State) {
        switch event {
        case .message(let message):
            if !state.closeQueued { state.inbox.append(message) }
        case .ping(let payload):
            guard !state.closeQueued else { return }
            state.outbox.append(
                .init(bytes: WebSocketFrameHeader.frame(.pong, payload: payload), isClose: false))
        case .pong:
            break
        case .close(let code, _):
            state.closeReceived = true
            state.peerCloseCode = code
            let echo = code.map { WebSocketFrameHeader.closePayload(code: $0, reason: "") } ?? []
            channel.queueClose(&state, payload: echo)
        case .fail(let code):
            state.failed = true
            channel.queueClose(
                &state, payload: WebSocketFrameHeader.closePayload(code: code, reason: ""))
        }
    }

    /// Writes pending frames until done or the socket is full.
    private func flush() {
        while let frame = pending.first {
            let count = frame.bytes.withUnsafeBytes {
                send(socket, $0.baseAddress! + written, $0.count - written, Int32(MSG_NOSIGNAL))
            }
            if count < 0 {
                if errno != EAGAIN && errno != EINTR { peerGone = true }
                return
            }
            written += count
            guard written == frame.bytes.count else { continue }
            written = 0
            pending.removeFirst()
            if frame.isClose { closeWritten = true }
            frame.sent?.resume(returning: .success(()))
        }
    }

    private func drainWakePipe() {
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(channel.wakeReader, &bytes, bytes.count) > 0 {}
    }

    /// Hands the socket back, fails what is still queued, and wakes everyone waiting.
    private func finish() {
        _ = bsdl_mhd_upgrade_close(upgradeHandle)
        let (unsent, waiters) = channel.state.withLock { state in
            state.ended = true
            let unsent = pending + state.outbox
            state.outbox.removeAll()
            channel.deliver(&state)
            defer { state.endWaiters.removeAll() }
            return (unsent, state.endWaiters)
        }
        pending.removeAll()
        close(channel.wakeReader)
        close(channel.wakeWriter)
        for frame in unsent { frame.sent?.resume(returning: .failure(.closed)) }
        for waiter in waiters { waiter.resume() }
        onEnd()
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let left = ContinuousClock.now.duration(to: deadline)
        guard left > .zero else { return 0 }
        let (seconds, attoseconds) = left.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
    }
}
