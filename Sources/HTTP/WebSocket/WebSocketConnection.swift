/// One open WebSocket connection, as its handler sees it. Any task may use it; sends are
/// written in the order they are called, each call returning once its frame is written.
///
/// Pings from the client are answered with pongs automatically; a client's close frame is
/// echoed and ends the connection; a client that breaks the protocol is closed with 1002
/// (framing), 1007 (invalid UTF-8) or 1009 (message over the limit).
public final class WebSocketConnection: Sendable {
    /// The subprotocol agreed on in the handshake, nil when none.
    public let subprotocol: String?
    /// The request that asked for the upgrade (its body is empty).
    public let request: HTTPRequest
    let channel: WebSocketChannel

    init(subprotocol: String?, request: HTTPRequest, channel: WebSocketChannel) {
        self.subprotocol = subprotocol
        self.request = request
        self.channel = channel
    }

    /// The next message from the client, waiting for it; nil once the connection is closing
    /// or closed and every message received before has been returned.
    /// - Throws: ``WebSocketError/cancelled`` when the waiting task is cancelled.
    public func receive() async throws(WebSocketError) -> WebSocketMessage? {
        try await channel.receive()
    }

    /// Sends a text message in one frame.
    /// - Throws: ``WebSocketError/closed`` once the connection is closing or closed.
    public func send(text: String) async throws(WebSocketError) {
        try await channel.send(WebSocketFrameHeader.frame(.text, payload: Array(text.utf8)))
    }

    /// Sends a binary message in one frame.
    /// - Throws: ``WebSocketError/closed`` once the connection is closing or closed.
    public func send(binary: [UInt8]) async throws(WebSocketError) {
        try await channel.send(WebSocketFrameHeader.frame(.binary, payload: binary))
    }

    /// Sends a ping; the client's pong is absorbed (it only shows the client is alive).
    /// - Throws: ``WebSocketError/controlPayloadTooLong(_:)`` past 125 bytes,
    ///   ``WebSocketError/closed`` once the connection is closing or closed.
    public func sendPing(_ payload: [UInt8] = []) async throws(WebSocketError) {
        guard payload.count <= 125 else { throw .controlPayloadTooLong(payload.count) }
        try await channel.send(WebSocketFrameHeader.frame(.ping, payload: payload))
    }

    /// Starts the close handshake with `code` and `reason` (a reason over 123 bytes of UTF-8
    /// is cut) and returns once the client answered, or after 5 seconds without an answer,
    /// when the socket is closed. Does nothing more when the connection is already closing.
    public func close(code: UInt16 = WebSocketCloseCode.normal, reason: String = "") async {
        var bytes = Array(reason.utf8.prefix(123))
        while String(validating: bytes, as: UTF8.self) == nil { bytes.removeLast() }
        await channel.close(code: code, reason: String(decoding: bytes, as: UTF8.self))
    }

    /// The code of the client's close frame, once one came; nil before, or when it gave none.
    public var closeCode: UInt16? { channel.peerCloseCode }
}
