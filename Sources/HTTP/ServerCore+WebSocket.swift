import CMicroHTTPD

extension ServerCore {
    /// Called by libmicrohttpd once the 101 answer is sent: the socket is ours until handed
    /// back. Starts the connection's I/O thread and its handler's task, and returns at once
    /// (this runs on a polling thread).
    func upgraded(
        context: RequestContext, extra: [UInt8], socket: Int32, handle: OpaquePointer
    ) {
        guard let pending = context.upgrade, let channel = WebSocketChannel() else {
            _ = bsdl_mhd_upgrade_close(handle)
            return
        }
        context.upgrade = nil
        let connection = WebSocketConnection(
            subprotocol: pending.subprotocol, request: context.request, channel: channel)
        let accepted = live.add(channel)
        let pump = WebSocketPump(
            channel: channel, socket: socket, handle: handle, extra: extra,
            maxMessageBytes: pending.upgrade.maxMessageBytes
        ) { [live] in
            live.remove(channel)
        }
        guard pump.start() else {
            if accepted { live.handlerEnded() }
            return
        }
        guard accepted else {
            Task { await connection.close(code: WebSocketCloseCode.goingAway) }
            return
        }
        let handler = pending.upgrade.handler
        let closeAtOnce = pending.closeAtOnce
        Task { [live] in
            if let (code, reason) = closeAtOnce {
                await connection.close(code: code, reason: reason)
            } else {
                await handler(connection)
                await connection.close()
            }
            live.handlerEnded()
        }
    }
}
