/// What the handler answers: a status, header fields and a body sent with its length.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code, e.g. 200.
    public var status: Int
    /// Header fields; the server adds `Content-Length`, `Date` and `X-Request-Id`.
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: [UInt8]

    /// Makes a response.
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Makes a `text/plain; charset=utf-8` response holding `text`.
    public init(status: Int, text: String) {
        self.init(
            status: status, headers: ["Content-Type": "text/plain; charset=utf-8"],
            body: Array(text.utf8))
    }
}
