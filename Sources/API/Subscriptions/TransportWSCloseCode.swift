/// The close codes of the `graphql-transport-ws` protocol that the server sends.
enum TransportWSCloseCode {
    /// An invalid message, or one the client may not send.
    static let badRequest: UInt16 = 4400
    /// `subscribe` before the connection was acknowledged.
    static let unauthorized: UInt16 = 4401
    /// `connection_init` with missing or refused credentials.
    static let forbidden: UInt16 = 4403
    /// The client did not offer the `graphql-transport-ws` subprotocol.
    static let subprotocolNotAcceptable: UInt16 = 4406
    /// No `connection_init` within the allowed time.
    static let initTimeout: UInt16 = 4408
    /// `subscribe` with the id of an operation still running.
    static let subscriberAlreadyExists: UInt16 = 4409
    /// A second `connection_init`.
    static let tooManyInitRequests: UInt16 = 4429
    /// A failure on the server's side.
    static let internalServerError: UInt16 = 4500
}
