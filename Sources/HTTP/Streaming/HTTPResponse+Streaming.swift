extension HTTPResponse {
    /// A response whose body is sent chunk by chunk as `body` yields, each chunk flushed
    /// when it comes (chunked transfer encoding), ending when `body` finishes.
    ///
    /// When the client goes away, or the server shuts down, the task iterating `body` is
    /// cancelled, so the stream's `onTermination` runs and the producer learns of it. A
    /// disconnect is noticed when the next chunk is written: a producer that may stay silent
    /// long should send something now and then (a Server-Sent Events comment line, say).
    public static func stream(
        status: Int = 200, headers: HTTPHeaders = HTTPHeaders(), body: AsyncStream<[UInt8]>
    ) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, source: ResponseSource(.stream(body)))
    }

    /// A response that switches the connection to the WebSocket protocol as `upgrade` says.
    /// The server checks the client's handshake: when it is not a valid WebSocket request
    /// (or, as `upgrade` may ask, offers no acceptable subprotocol) the client gets 400, or
    /// 426 for a version other than 13, and `upgrade`'s handler never runs. Extra `headers`
    /// set on the result go out with the 101 answer.
    public static func webSocket(_ upgrade: WebSocketUpgrade) -> HTTPResponse {
        HTTPResponse(
            status: 101, headers: HTTPHeaders(), source: ResponseSource(.webSocket(upgrade)))
    }

    /// The upgrade of a response made by ``webSocket(_:)``, else nil.
    public var webSocketUpgrade: WebSocketUpgrade? {
        guard case .webSocket(let upgrade) = source?.kind else { return nil }
        return upgrade
    }

    /// True for a response made by ``stream(status:headers:body:)``.
    public var isStreamed: Bool {
        guard case .stream = source?.kind else { return false }
        return true
    }
}
