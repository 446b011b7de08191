/// What every resolver of one request knows about it: who asks, from where, under which id.
public struct RequestContext: Sendable {
    /// The authenticated user, or nil for an anonymous request.
    public var userId: String?
    /// The client's address, for throttling.
    public var remoteAddress: String
    /// The request id, also in logs and the `X-Request-Id` header.
    public var requestId: String

    /// Makes a context.
    public init(userId: String?, remoteAddress: String, requestId: String) {
        self.userId = userId
        self.remoteAddress = remoteAddress
        self.requestId = requestId
    }

    /// The user id, or UNAUTHENTICATED.
    public func requireUser() throws(APIError) -> String {
        guard let userId else {
            throw APIError(
                .unauthenticated, "This operation needs a token (Authorization: Bearer).")
        }
        return userId
    }
}
