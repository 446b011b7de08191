/// A complete data message, its fragments joined.
public enum WebSocketMessage: Sendable, Equatable {
    /// A text message, valid UTF-8.
    case text(String)
    /// A binary message.
    case binary([UInt8])
}
