/// One request as the handler sees it: everything read, the body complete.
public struct HTTPRequest: Sendable {
    /// The method as sent, e.g. `GET`.
    public var method: String
    /// The path, percent-decoded, without the query.
    public var path: String
    /// The query's `name=value` pairs in order, percent-decoded (`+` read as a space).
    public var queryItems: [HTTPQueryItem]
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body, empty when none was sent.
    public var body: [UInt8]
    /// The peer's address and port, e.g. `127.0.0.1:51234` or `[::1]:51234`.
    public var remoteAddress: String
    /// The request id: the client's `X-Request-Id` when it is sane, else one made here.
    public var id: String

    /// The peer's host alone, without the port or IPv6 brackets (`127.0.0.1`, `::1`).
    public var remoteHost: String {
        guard let colon = remoteAddress.lastIndex(of: ":") else { return remoteAddress }
        let host = remoteAddress[..<colon]
        return host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : String(host)
    }

    /// Makes a request; the server builds these, tests of handlers may too.
    public init(
        method: String, path: String, queryItems: [HTTPQueryItem] = [],
        headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], remoteAddress: String = "",
        id: String = ""
    ) {
        self.method = method
        self.path = path
        self.queryItems = queryItems
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.id = id
    }

    /// The value of the first query item named `name`, or nil.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}

/// One `name=value` pair of a query; a name without `=` has an empty value.
public struct HTTPQueryItem: Sendable, Equatable {
    /// The decoded name.
    public var name: String
    /// The decoded value.
    public var value: String

    /// Makes an item.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
