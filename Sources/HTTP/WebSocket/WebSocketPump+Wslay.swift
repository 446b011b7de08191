import CWslay
import Glibc

/// The pump's side of wslay's event API: the context, the I/O callbacks on our socket, the
/// message callback, and the hand-over of what the handler sends.
extension WebSocketPump {
    /// A server context calling back into this pump, messages limited to `maxMessageBytes`;
    /// nil when wslay has no memory for it.
    func makeContext() -> OpaquePointer? {
        var callbacks = Self.callbacks
        var context: OpaquePointer?
        let user = Unmanaged.passUnretained(self).toOpaque()
        guard wslay_event_context_server_init(&context, &callbacks, user) == 0, let context
        else { return nil }
        wslay_event_config_set_max_recv_msg_length(context, UInt64(maxMessageBytes))
        return context
    }

    /// The callbacks of every context: they capture nothing and find the pump through the
    /// context's user data.
    private static var callbacks: wslay_event_callbacks {
        wslay_event_callbacks(
            recv_callback: { context, buffer, length, _, user in
                WebSocketPump.pump(user).read(into: buffer!, length: length, context: context!)
            },
            send_callback: { context, data, length, flags, user in
                WebSocketPump.pump(user).write(
                    data!, length: length, more: flags & Int32(WSLAY_MSG_MORE.rawValue) != 0,
                    context: context!)
            },
            genmask_callback: nil, on_frame_recv_start_callback: nil,
            on_frame_recv_chunk_callback: nil, on_frame_recv_end_callback: nil,
            on_msg_recv_callback: { context, message, user in
                WebSocketPump.pump(user).received(message!.pointee, context: context!)
            })
    }

    private static func pump(_ user: UnsafeMutableRawPointer?) -> WebSocketPump {
        Unmanaged<WebSocketPump>.fromOpaque(user!).takeUnretainedValue()
    }

    /// wslay's read: the bytes past the head first, then the socket. Says "would block"
    /// while the inbox is full, so that a handler that does not receive holds the client
    /// back through TCP.
    private func read(
        into buffer: UnsafeMutablePointer<UInt8>, length: Int, context: OpaquePointer
    ) -> Int {
        if !extra.isEmpty {
            let count = min(length, extra.count)
            extra.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: count) }
            extra.removeFirst(count)
            return count
        }
        let full = channel.state.withLock { $0.inbox.count >= WebSocketChannel.inboxLimit }
        guard !full else { return Self.wouldBlock(context) }
        let count = recv(socket, buffer, length, 0)
        if count > 0 { return count }
        if count < 0 && (errno == EAGAIN || errno == EINTR) { return Self.wouldBlock(context) }
        return failed(context)
    }

    /// wslay's write, straight to the socket. wslay writes a frame's header and payload
    /// apart and says `more` for the header: the kernel then holds it for the payload, rather
    /// than sending it alone and making the payload wait for its acknowledgement.
    private func write(
        _ data: UnsafePointer<UInt8>, length: Int, more: Bool, context: OpaquePointer
    ) -> Int {
        let flags = Int32(MSG_NOSIGNAL) | (more ? Int32(MSG_MORE) : 0)
        let count = send(socket, data, length, flags)
        if count >= 0 { return count }
        if errno == EAGAIN || errno == EINTR { return Self.wouldBlock(context) }
        return failed(context)
    }

    private static func wouldBlock(_ context: OpaquePointer) -> Int {
        wslay_event_set_error(context, WSLAY_ERR_WOULDBLOCK.rawValue)
        return -1
    }

    /// The socket failed or reached its end: the connection is over.
    private func failed(_ context: OpaquePointer) -> Int {
        peerGone = true
        wslay_event_set_error(context, WSLAY_ERR_CALLBACK_FAILURE.rawValue)
        return -1
    }

    /// A whole message from wslay, fragments joined (pings are answered by wslay itself).
    private func received(_ message: wslay_event_on_msg_recv_arg, context: OpaquePointer) {
        let bytes = Array(UnsafeBufferPointer(start: message.msg, count: message.msg_length))
        switch UInt32(message.opcode) {
        case WSLAY_TEXT_FRAME.rawValue:
            // wslay checks UTF-8 as the frames come; this check makes the String.
            guard let text = String(validating: bytes, as: UTF8.self) else {
                wslay_event_shutdown_read(context)
                _ = wslay_event_queue_close(context, WebSocketCloseCode.invalidPayload, nil, 0)
                return
            }
            deliver(.text(text))
        case WSLAY_BINARY_FRAME.rawValue:
            deliver(.binary(bytes))
        case WSLAY_CONNECTION_CLOSE.rawValue:
            if message.msg_length == 1 { closeOverride = WebSocketCloseCode.protocolError }
            channel.state.withLock { state in
                state.closeReceived = true
                state.peerCloseCode = message.status_code == 0 ? nil : message.status_code
            }
        default:
            break
        }
    }

    private func deliver(_ message: WebSocketMessage) {
        channel.state.withLock { state in
            guard !state.closeQueued else { return }
            state.inbox.append(message)
            channel.deliver(&state)
        }
    }

    /// Lets wslay read and act on what came, then records in the channel a close under way.
    func receive() {
        guard let context else { return }
        // A context that writes nothing and has sent no close can be swapped for a fresh one.
        let idle = wslay_event_want_write(context) == 0 && wslay_event_get_close_sent(context) == 0
        if wslay_event_recv(context) != 0 && !peerGone {
            closeOverride = WebSocketCloseCode.protocolError
        }
        if let code = closeOverride, idle { replaceContext(closingWith: code) }
        closeOverride = nil
        guard let context = self.context, wslay_event_want_read(context) == 0 else { return }
        channel.state.withLock { channel.closing(&$0) }
    }

    /// Drops wslay's context, whose close frame lacks the right code, for a fresh one that
    /// sends only a close with `code` and reads nothing more.
    private func replaceContext(closingWith code: UInt16) {
        if let context { wslay_event_context_free(context) }
        context = makeContext()
        guard let context else {
            peerGone = true
            return
        }
        wslay_event_shutdown_read(context)
        _ = wslay_event_queue_close(context, code, nil, 0)
    }

    /// Hands queued messages to wslay one at a time and lets it write until done or the
    /// socket is full; each sender is answered once its message is written whole.
    func flush() {
        guard let context else { return }
        while true {
            while inFlight == nil, !pending.isEmpty { hand(pending.removeFirst(), to: context) }
            if wslay_event_want_write(context) != 0, wslay_event_send(context) != 0 {
                peerGone = true
                return
            }
            // wslay counts a message as queued until its last byte is written.
            guard wslay_event_get_queued_msg_count(context) == 0, let written = inFlight else {
                return
            }
            inFlight = nil
            written.sent?.resume(returning: .success(()))
        }
    }

    /// Queues one message in wslay, or refuses it when a close is queued already.
    private func hand(_ outgoing: WebSocketChannel.Outgoing, to context: OpaquePointer) {
        let result: Int32
        switch outgoing.message {
        case .text(let bytes): result = queue(WSLAY_TEXT_FRAME, bytes, in: context)
        case .binary(let bytes): result = queue(WSLAY_BINARY_FRAME, bytes, in: context)
        case .ping(let bytes): result = queue(WSLAY_PING, bytes, in: context)
        case .close(let code, let reason):
            result = reason.withUnsafeBufferPointer {
                wslay_event_queue_close(context, code, $0.baseAddress, $0.count)
            }
        }
        if result == 0 {
            inFlight = outgoing
        } else {
            outgoing.sent?.resume(returning: .failure(.closed))
        }
    }

    private func queue(_ opcode: wslay_opcode, _ bytes: [UInt8], in context: OpaquePointer) -> Int32
    {
        bytes.withUnsafeBufferPointer { buffer in
            var message = wslay_event_msg(
                opcode: UInt8(opcode.rawValue), msg: buffer.baseAddress, msg_length: buffer.count)
            return wslay_event_queue_msg(context, &message)
        }
    }
}
