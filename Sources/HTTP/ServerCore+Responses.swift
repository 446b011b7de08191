import CMicroHTTPD

extension ServerCore {
    /// Hands `response` to libmicrohttpd, which copies the body and sends it.
    func queue(
        _ response: HTTPResponse, for request: HTTPRequest, on connection: OpaquePointer
    ) -> MHD_Result {
        let made = response.body.withUnsafeBytes {
            MHD_create_response_from_buffer(
                $0.count, UnsafeMutableRawPointer(mutating: $0.baseAddress), .RESPMEM_MUST_COPY)
        }
        guard let reply = made else { return .NO }
        defer { MHD_destroy_response(reply) }
        for field in response.headers {
            _ = MHD_add_response_header(reply, field.name, field.value)
        }
        if response.headers["X-Request-Id"] == nil {
            _ = MHD_add_response_header(reply, "X-Request-Id", request.id)
        }
        if draining.load(ordering: .relaxed) {
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
        return MHD_queue_response(connection, UInt32(clamping: response.status), reply)
    }
}
