import CMicroHTTPD

extension ServerCore {
    /// Hands the response to libmicrohttpd: a fixed body is copied, a streamed body is read
    /// through a ``ResponseStream``, an upgrade goes through the WebSocket handshake.
    func queue(_ response: HTTPResponse, for context: RequestContext) -> MHD_Result {
        switch response.source?.kind {
        case nil:
            let made = response.body.withUnsafeBytes {
                MHD_create_response_from_buffer(
                    $0.count, UnsafeMutableRawPointer(mutating: $0.baseAddress),
                    .RESPMEM_MUST_COPY)
            }
            return send(made, response, for: context)
        case .stream(let body):
            return queueStream(response, body: body, for: context)
        case .webSocket(let upgrade):
            return queueUpgrade(response, upgrade: upgrade, for: context)
        }
    }

    /// Queues a body produced over time, with chunked transfer encoding.
    private func queueStream(
        _ response: HTTPResponse, body: AsyncStream<[UInt8]>, for context: RequestContext
    ) -> MHD_Result {
        let stream = ResponseStream(connection: context.connection) { [live] in
            live.remove($0)
        }
        let retained = Unmanaged.passRetained(stream)
        let made = MHD_create_response_from_callback(
            UInt64.max, 16 << 10, Callbacks.streamRead, retained.toOpaque(),
            Callbacks.streamFree)
        guard made != nil else {
            retained.release()
            return .NO
        }
        if live.add(stream) { stream.start(body) } else { stream.finish() }
        return send(made, response, for: context)
    }

    /// Checks the handshake; answers 101 and keeps what the upgrade callback needs, or
    /// answers the refusal.
    private func queueUpgrade(
        _ response: HTTPResponse, upgrade: WebSocketUpgrade, for context: RequestContext
    ) -> MHD_Result {
        let accepted: HTTPHeaders
        switch WebSocketHandshake.decide(context.request, for: upgrade) {
        case .refuse(let refusal):
            return queue(refusal, for: context)
        case .accept(let headers, let subprotocol):
            accepted = headers
            context.upgrade = RequestContext.PendingUpgrade(
                upgrade: upgrade, subprotocol: subprotocol, closeAtOnce: nil)
        case .acceptThenClose(let headers, let code, let reason):
            accepted = headers
            context.upgrade = RequestContext.PendingUpgrade(
                upgrade: upgrade, subprotocol: nil, closeAtOnce: (code, reason))
        }
        var switching = response
        switching.status = 101
        for field in accepted {
            switching.headers.replaceOrAdd(name: field.name, value: field.value)
        }
        let made = MHD_create_response_for_upgrade(
            Callbacks.upgraded, Unmanaged.passUnretained(self).toOpaque())
        return send(made, switching, for: context)
    }

    /// Adds the fields and queues `reply`, which it then releases.
    private func send(
        _ reply: OpaquePointer?, _ response: HTTPResponse, for context: RequestContext
    ) -> MHD_Result {
        guard let reply else { return .NO }
        defer { MHD_destroy_response(reply) }
        let request = context.request
        for field in response.headers {
            _ = MHD_add_response_header(reply, field.name, field.value)
        }
        if response.headers["X-Request-Id"] == nil {
            _ = MHD_add_response_header(reply, "X-Request-Id", request.id)
        }
        if draining.load(ordering: .relaxed), response.status != 101 {
            _ = MHD_add_response_header(reply, "Connection", "close")
        }
        if response.status >= 400 {
            logger.debug(
                "Request failed",
                metadata: [
                    "request.id": request.id, "http.status": String(response.status),
                    "http.method": request.method, "http.path": request.path,
                ])
        }
        return MHD_queue_response(context.connection, UInt32(clamping: response.status), reply)
    }
}
