/// A handler's answer that turns its request into a WebSocket connection (RFC 6455): return
/// it with ``HTTPResponse/webSocket(_:)``. The server checks the handshake, answers 101,
/// and runs `handler` with the connection once the upgrade is sent.
public struct WebSocketUpgrade: Sendable {
    /// What to do when the client offers none of ``subprotocols``.
    public enum UnmatchedSubprotocol: Sendable, Equatable {
        /// Answer 400 and do not upgrade.
        case refuse
        /// Upgrade, then close at once with this code and reason; the handler does not run.
        case close(code: UInt16, reason: String)
        /// Upgrade without a subprotocol and run the handler.
        case proceed
    }

    /// Runs one connection; when it returns, the connection is closed with 1000 if still open.
    public typealias Handler = @Sendable (WebSocketConnection) async -> Void

    /// The subprotocols accepted, in order of preference. Empty: none is negotiated and any
    /// offer is ignored.
    public var subprotocols: [String]
    /// What to do when ``subprotocols`` is not empty and the client offers none of them.
    public var unmatchedSubprotocol: UnmatchedSubprotocol
    /// The largest message accepted, fragments joined; a larger one closes with 1009.
    public var maxMessageBytes: Int
    /// Runs the connection.
    public var handler: Handler

    /// Makes an upgrade.
    public init(
        subprotocols: [String] = [], unmatchedSubprotocol: UnmatchedSubprotocol = .refuse,
        maxMessageBytes: Int = 1 << 20, handler: @escaping Handler
    ) {
        self.subprotocols = subprotocols
        self.unmatchedSubprotocol = unmatchedSubprotocol
        self.maxMessageBytes = max(0, maxMessageBytes)
        self.handler = handler
    }
}
