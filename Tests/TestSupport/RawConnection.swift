import Glibc

/// A blocking HTTP/1.1 client over one TCP connection to 127.0.0.1, so tests can see exactly
/// what travels on the wire and whether the connection is reused. Use it only inside
/// ``onThread(_:)``: it blocks.
public final class RawConnection {
    /// A socket call that failed, with its errno (0 for end of file or a malformed answer).
    public struct Failure: Error, Equatable {
        /// The failing call.
        public var operation: String
        /// errno, or 0.
        public var code: Int32
    }

    private let socket: Int32
    private var buffer: [UInt8] = []

    /// Connects, or throws with `errno` (ECONNREFUSED once a server stopped listening).
    public init(port: Int) throws {
        // The descriptor is kept local until connected: a class whose stored properties are
        // all set runs its deinit when its init throws, which would close it a second time
        // (by then perhaps another socket's number, in a server of a test running beside).
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(operation: "socket", code: errno) }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(
            descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(port).bigEndian
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        let code = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if code != 0 {
            let failure = Failure(operation: "connect", code: errno)
            close(descriptor)
            throw failure
        }
        socket = descriptor
    }

    deinit { close(socket) }

    /// Writes all of `bytes`.
    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { throw Failure(operation: "send", code: errno) }
            offset += written
        }
    }

    /// Writes a request with `Host` and, when there is a body, `Content-Length`.
    public func send(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []
    ) throws {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
        try send(Array((head + "\r\n").utf8) + body)
    }

    /// Reads one response whose length is given by `Content-Length`.
    public func readResponse() throws -> RawResponse {
        let headEnd = try readUntilBlankLine()
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)
        var response = try RawResponse(head: head)
        let length = response.header("Content-Length").flatMap { Int($0) } ?? 0
        while buffer.count < length { try fill() }
        response.body = Array(buffer.prefix(length))
        buffer.removeFirst(length)
        return response
    }

    /// True when the server closes the connection (end of file or reset) within the read
    /// timeout; false when a byte arrives or the timeout passes.
    public func isClosedByServer() -> Bool {
        var byte: UInt8 = 0
        let count = recv(socket, &byte, 1, 0)
        return count == 0 || (count < 0 && errno == ECONNRESET)
    }

    private func readUntilBlankLine() throws -> Int {
        let blank: [UInt8] = [13, 10, 13, 10]
        while true {
            if buffer.count >= 4 {
                for index in 0...(buffer.count - 4) where Array(buffer[index..<index + 4]) == blank
                {
                    return index
                }
            }
            try fill()
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 16 << 10)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw Failure(operation: "recv", code: count == 0 ? 0 : errno) }
        buffer += chunk.prefix(count)
    }
}

/// A response as read off the wire.
public struct RawResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields in order.
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: [UInt8] = []

    init(head: String) throws {
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw RawConnection.Failure(operation: "status line", code: 0)
        }
        self.status = status
        headers = lines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            return (String(line[..<colon]), String(value))
        }
    }

    /// The first value of the header `name`, compared without case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// One request on a new connection, answered in full; the blocking socket work runs on a
/// thread of its own.
public func fetch(
    port: Int, _ method: String, _ target: String, headers: [(String, String)] = [],
    body: [UInt8] = []
) async throws -> RawResponse {
    try await onThread {
        let connection = try RawConnection(port: port)
        try connection.send(method, target, headers: headers, body: body)
        return try connection.readResponse()
    }
}
