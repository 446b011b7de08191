import CMicroHTTPD

extension ServerCore {
    /// libmicrohttpd's access handler, called several times per request: once when the head
    /// is read, once per piece of body, once when the body is complete, and once more after
    /// the handler's task resumes the connection.
    ///
    /// The first call never queues a success response: libmicrohttpd 0.9.75 closes the
    /// connection after any response queued on the first call, defeating keep-alive.
    func access(
        connection: OpaquePointer, method: UnsafePointer<CChar>?, url: UnsafePointer<CChar>?,
        upload: UnsafePointer<CChar>?, uploadSize: UnsafeMutablePointer<Int>,
        slot: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        guard let raw = slot.pointee else {
            return begin(connection: connection, method: method, url: url, slot: slot)
        }
        let context = Unmanaged<RequestContext>.fromOpaque(raw).takeUnretainedValue()
        if uploadSize.pointee > 0 {
            defer { uploadSize.pointee = 0 }
            return receive(context, bytes: upload, count: uploadSize.pointee)
        }
        switch context.phase {
        case .receiving:
            return run(context)
        case .running:
            // Resumed: the handler answered, or the server gave up on it at shutdown.
            guard let response = context.takeResponse() else { return .NO }
            return queue(response, for: context)
        case .rejected:
            return .YES
        }
    }

    /// Reads the head into a new context; refuses a head or a declared body over its limit at
    /// once, before reading any of the body (the connection then closes).
    private func begin(
        connection: OpaquePointer, method: UnsafePointer<CChar>?, url: UnsafePointer<CChar>?,
        slot: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        let request = readHead(connection: connection, method: method, url: url)
        let context = RequestContext(connection: connection, request: request)
        slot.pointee = Unmanaged.passRetained(context).toOpaque()
        inFlight.add(1, ordering: .relaxed)
        if bsdl_mhd_header_size(connection) > configuration.maximumHeaderSize {
            context.phase = .rejected
            return queue(Self.headTooLarge, for: context)
        }
        let declared = request.headers["Content-Length"].flatMap { Int($0) } ?? 0
        guard declared <= configuration.maximumBodySize else {
            context.phase = .rejected
            return queue(Self.tooLarge, for: context)
        }
        return .YES
    }

    /// Appends a piece of body. A body without a declared length that grows past the limit
    /// closes the connection: libmicrohttpd cannot queue a response in the middle of a body.
    private func receive(
        _ context: RequestContext, bytes: UnsafePointer<CChar>?, count: Int
    ) -> MHD_Result {
        guard context.phase == .receiving, let bytes else { return .YES }
        guard context.request.body.count + count <= configuration.maximumBodySize else {
            logger.debug(
                "Request body over the limit",
                metadata: [
                    "request.id": context.request.id, "http.method": context.request.method,
                    "http.path": context.request.path,
                ])
            return .NO
        }
        context.request.body.append(
            contentsOf: UnsafeRawBufferPointer(start: bytes, count: count))
        return .YES
    }

    static let tooLarge = HTTPResponse(status: 413, text: "request body too large\n")
    static let headTooLarge = HTTPResponse(
        status: 431, text: "request header fields too large\n")
}
