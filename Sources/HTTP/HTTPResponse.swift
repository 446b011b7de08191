/// What the handler answers: a status, header fields and a body sent with its length; or,
/// made by ``stream(status:headers:body:)`` or ``webSocket(_:)``, a body produced over time
/// or a switch to the WebSocket protocol.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code, e.g. 200.
    public var status: Int
    /// Header fields; the server adds `Content-Length` (or chunked encoding for a stream),
    /// `Date` and `X-Request-Id`.
    public var headers: HTTPHeaders
    /// The body bytes; unused by a streamed or WebSocket response.
    public var body: [UInt8]
    /// A streamed body or an upgrade; nil for an ordinary response.
    let source: ResponseSource?

    /// Makes a response.
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
        source = nil
    }

    /// Makes a `text/plain; charset=utf-8` response holding `text`.
    public init(status: Int, text: String) {
        self.init(
            status: status, headers: ["Content-Type": "text/plain; charset=utf-8"],
            body: Array(text.utf8))
    }

    init(status: Int, headers: HTTPHeaders, source: ResponseSource) {
        self.status = status
        self.headers = headers
        body = []
        self.source = source
    }

    /// Equal when status, fields and body are; a streamed or WebSocket response is equal
    /// only to copies of itself.
    public static func == (lhs: HTTPResponse, rhs: HTTPResponse) -> Bool {
        lhs.status == rhs.status && lhs.headers == rhs.headers && lhs.body == rhs.body
            && lhs.source.map(ObjectIdentifier.init) == rhs.source.map(ObjectIdentifier.init)
    }
}
