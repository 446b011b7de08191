import CMicroHTTPD

extension ServerCore {
    /// Builds the request from what libmicrohttpd parsed: it has percent-decoded the path and
    /// the query arguments (reading `+` as a space) and kept the fields in order.
    func readHead(
        connection: OpaquePointer, method: UnsafePointer<CChar>?, url: UnsafePointer<CChar>?
    ) -> HTTPRequest {
        let headers = HTTPHeaders(Self.values(of: connection, kind: .HEADER_KIND))
        let query = Self.values(of: connection, kind: .GET_ARGUMENT_KIND).map {
            HTTPQueryItem(name: $0.name, value: $0.value)
        }
        var request = HTTPRequest(
            method: method.map { String(cString: $0) } ?? "",
            path: url.map { String(cString: $0) } ?? "/")
        request.queryItems = query
        request.headers = headers
        request.remoteAddress = SocketAddress.describe(bsdl_mhd_client_address(connection))
        request.id = ids.id(offered: headers["X-Request-Id"])
        return request
    }

    /// The pairs of one kind, in order; a value libmicrohttpd reports as absent is empty.
    private static func values(
        of connection: OpaquePointer, kind: MHD_ValueKind
    ) -> [HTTPHeaders.Field] {
        var pairs: [HTTPHeaders.Field] = []
        withUnsafeMutablePointer(to: &pairs) { pointer in
            _ = MHD_get_connection_values(
                connection, kind,
                { context, _, key, value in
                    let pairs = context!.assumingMemoryBound(to: [HTTPHeaders.Field].self)
                    let name = key.map { String(cString: $0) } ?? ""
                    pairs.pointee.append((name, value.map { String(cString: $0) } ?? ""))
                    return .YES
                }, pointer)
        }
        return pairs
    }
}
