/// The close codes the server itself sends (RFC 6455, section 7.4.1), and the rule for
/// which codes a peer may send.
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

    /// True for a code a close frame may carry: the defined ones (1004–1006 and 1015 are
    /// reserved for local use) and the registered and private ranges 3000–4999.
    static func isSendable(_ code: UInt16) -> Bool {
        switch code {
        case 1000...1003, 1007...1014: return true
        case 3000...4999: return true
        default: return false
        }
    }
}
