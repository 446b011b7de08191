/// One POST for the transport: where, with which headers and body, and within what time.
public struct OutgoingRequest: Sendable {
    /// The endpoint, already checked by the ``EndpointGuard``.
    public var endpoint: CheckedEndpoint
    /// Header lines, `Name: value`.
    public var headers: [String]
    /// The exact body bytes (the signature covers them).
    public var body: [UInt8]
    /// The whole-request timeout.
    public var timeout: Duration
}

/// What one attempt came to.
public enum TransferResult: Sendable, Equatable {
    /// The receiver answered with `status`; `retryAfter` is its `Retry-After` in seconds.
    case response(status: Int, retryAfter: Int?)
    /// No answer: connection refused, timeout, TLS failure; libcurl's code and text.
    case failure(code: Int32, message: String)

    /// A 2xx answer.
    public var isSuccess: Bool {
        if case .response(let status, _) = self { return (200...299).contains(status) }
        return false
    }
}
