import CMicroHTTPD
import CWslay
import Glibc

/// The I/O thread of one upgraded connection: polls the socket and the channel's wake pipe,
/// drives wslay (which frames, unmasks, joins fragments, answers pings and runs the close
/// handshake), hands wslay what the handler sends, and finally hands the socket back to
/// libmicrohttpd.
///
/// A thread per connection keeps blocking-free code simple and never occupies a polling
/// thread of libmicrohttpd or a thread of Swift's cooperative pool; it sleeps in `poll`
/// while nothing happens. wslay's context is used on this thread alone.
final class WebSocketPump: @unchecked Sendable {
    let channel: WebSocketChannel
    let socket: Int32
    nonisolated(unsafe) private let upgradeHandle: OpaquePointer
    let maxMessageBytes: Int
    /// wslay's event context; nil when none could be made.
    var context: OpaquePointer?
    /// Bytes libmicrohttpd read past the request's head, handed to wslay before the socket's.
    var extra: [UInt8]
    /// Messages taken from the channel's outbox, not yet handed to wslay.
    var pending: [WebSocketChannel.Outgoing] = []
    /// The message handed to wslay and not yet written whole (one at a time, so that its
    /// sender is answered when it is).
    var inFlight: WebSocketChannel.Outgoing?
    /// The socket failed or the peer closed it: stop at once.
    var peerGone = false
    /// A close code wslay 1.1.1 does not send itself (it closes without a code on a framing
    /// error found before the payload, and echoes a 1-byte close payload as an empty one).
    var closeOverride: UInt16?
    private let onEnd: @Sendable () -> Void
    /// How long the socket stays open for the peer's last bytes once our close is out.
    static let lingerLimit = Duration.seconds(1)

    /// Makes the pump; `extra` holds bytes libmicrohttpd read past the request's head.
    /// `onEnd` runs on the pump's thread once the socket is handed back.
    init(
        channel: WebSocketChannel, socket: Int32, handle: OpaquePointer, extra: [UInt8],
        maxMessageBytes: Int, onEnd: @escaping @Sendable () -> Void
    ) {
        self.channel = channel
        self.socket = socket
        self.upgradeHandle = handle
        self.extra = extra
        self.maxMessageBytes = maxMessageBytes
        self.onEnd = onEnd
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
        context = makeContext()
        guard context != nil else { return finish() }
        if !extra.isEmpty { receive() }
        while true {
            channel.state.withLock { state in
                pending += state.outbox
                state.outbox.removeAll()
            }
            flush()
            // Checked after the flush: a close frame it wrote may end the connection.
            // The context may have been replaced while reading: ask the current one.
            let plan = channel.state.withLock { state in
                (
                    read: context.map { wslay_event_want_read($0) != 0 } ?? false
                        && state.inbox.count < WebSocketChannel.inboxLimit,
                    end: shouldEnd(state), deadline: state.closeDeadline
                )
            }
            if plan.end { break }
            wait(read: plan.read, deadline: plan.deadline)
            if peerGone { break }
        }
        if shouldLinger() { linger() }
        finish()
    }

    /// True when our close frame went out and the socket is still good.
    private func shouldLinger() -> Bool {
        guard !peerGone, let context, wslay_event_get_close_sent(context) != 0 else {
            return false
        }
        return !channel.state.withLock { $0.aborted }
    }

    /// Ends our side of the stream, then reads and drops whatever the peer still sends until
    /// it closes its side or ``lingerLimit`` passes. Closing a socket that holds unread bytes
    /// resets the connection, and the peer may then lose our close frame (a client whose
    /// oversized message we refuse is typically still sending it).
    private func linger() {
        guard shutdown(socket, Int32(SHUT_WR)) == 0 else { return }
        let end = ContinuousClock.now.advanced(by: Self.lingerLimit)
        var bytes = [UInt8](repeating: 0, count: 4096)
        while true {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let left = Self.milliseconds(until: end)
            guard left > 0, poll(&descriptor, 1, left) > 0 else { return }
            let count = recv(socket, &bytes, bytes.count, 0)
            if count == 0 || (count < 0 && errno != EAGAIN && errno != EINTR) { return }
        }
    }

    private func shouldEnd(_ state: WebSocketChannel.State) -> Bool {
        guard let context, !state.aborted, !peerGone else { return true }
        // wslay stops reading once the peer's close came or a rule was broken.
        if wslay_event_get_close_sent(context) != 0 && wslay_event_want_read(context) == 0 {
            return true
        }
        if let deadline = state.closeDeadline, ContinuousClock.now >= deadline { return true }
        return false
    }

    /// Sleeps until the socket or the wake pipe is ready or the close deadline passes, then
    /// lets wslay read what came. A wake-up reads too when a receiver made room in the inbox;
    /// one that only brings messages to send does not (a `recv` that would find nothing, and
    /// the channel's lock, once per message sent).
    private func wait(read: Bool, deadline: ContinuousClock.Instant?) {
        guard let context else { return }
        var events = Int16(read ? POLLIN : 0)
        if wslay_event_want_write(context) != 0 { events |= Int16(POLLOUT) }
        var fds = [
            pollfd(fd: socket, events: events, revents: 0),
            pollfd(fd: channel.wakeReader, events: Int16(POLLIN), revents: 0),
        ]
        let timeout = deadline.map { Self.milliseconds(until: $0) } ?? -1
        guard poll(&fds, 2, timeout) > 0 else { return }
        var roomMade = false
        if fds[1].revents != 0 {
            drainWakePipe()
            roomMade = channel.woken()
        }
        let ready = fds[0].revents
        if read && (roomMade || ready & Int16(POLLIN | POLLHUP | POLLERR) != 0) { receive() }
        if ready & Int16(POLLERR | POLLHUP) != 0 && !read { peerGone = true }
    }

    private func drainWakePipe() {
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(channel.wakeReader, &bytes, bytes.count) == bytes.count {}
    }

    /// Hands the socket back, frees wslay's context, fails what is still queued, and wakes
    /// everyone waiting.
    private func finish() {
        _ = bsdl_mhd_upgrade_close(upgradeHandle)
        if let context { wslay_event_context_free(context) }
        context = nil
        let (unsent, waiters) = channel.state.withLock { state in
            state.ended = true
            let unsent = (inFlight.map { [$0] } ?? []) + pending + state.outbox
            state.outbox.removeAll()
            channel.deliver(&state)
            defer { state.endWaiters.removeAll() }
            return (unsent, state.endWaiters)
        }
        inFlight = nil
        pending.removeAll()
        for message in unsent { message.sent?.resume(returning: .failure(.closed)) }
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
