/// The close codes the server itself sends (RFC 6455, section 7.4.1). Which codes a peer may
/// send is checked by wslay.
public enum WebSocketCloseCode {
    /// The purpose of the connection is fulfilled.
    public static let normal: UInt16 = 1000
    /// The server is shutting down.
    public static let goingAway: UInt16 = 1001
    /// The peer broke the framing rules.
    public static let protocolError: UInt16 = 1002
    /// A text message, or a close reason, was not valid UTF-8.
    public static let invalidPayload: UInt16 = 1007
    /// A message was larger than the upgrade's `maxMessageBytes`.
    public static let messageTooBig: UInt16 = 1009
    /// The server met a condition it could not handle.
    public static let internalError: UInt16 = 1011
}
