/// What replaces a fixed body: one per response, compared by identity.
final class ResponseSource: Sendable {
    /// The kinds of source.
    enum Kind {
        /// Chunks sent as they come, with chunked transfer encoding.
        case stream(AsyncStream<[UInt8]>)
        /// A switch to the WebSocket protocol.
        case webSocket(WebSocketUpgrade)
    }

    /// This source's kind.
    let kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }
}
