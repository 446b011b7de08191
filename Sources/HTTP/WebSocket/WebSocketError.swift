/// Why a WebSocket operation did not happen.
public enum WebSocketError: Error, Equatable {
    /// The connection is closed or closing: nothing more can be sent.
    case closed
    /// The task waiting in ``WebSocketConnection/receive()`` was cancelled.
    case cancelled
    /// A ping payload over 125 bytes, or a close reason over 123 bytes.
    case controlPayloadTooLong(Int)
}
