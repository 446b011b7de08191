import Glibc

/// A blocking WebSocket client over one TCP connection to 127.0.0.1 that writes frames
/// byte for byte as told (masked or not, fragmented or not), so tests can break the rules
/// on purpose. Use it only inside `onThread`.
final class RawWebSocket {
    /// A frame as read off the wire.
    struct Frame: Equatable {
        var fin: Bool
        var opcode: UInt8
        var payload: [UInt8]

        /// The payload as UTF-8 text.
        var text: String { String(decoding: payload, as: UTF8.self) }
        /// A close frame's code, nil when it has none.
        var closeCode: UInt16? {
            payload.count >= 2 ? UInt16(payload[0]) << 8 | UInt16(payload[1]) : nil
        }
    }

    /// A socket call that failed, with its errno (0 for end of file).
    struct Failure: Error {
        var operation: String
        var code: Int32
    }

    /// The key sent in the handshake (the RFC's example).
    static let key = "dGhlIHNhbXBsZSBub25jZQ=="

    private let socket: Int32
    private var buffer: [UInt8] = []

    /// Connects with a 60-second read timeout: long, because the whole test suite shares the
    /// cooperative pool that runs the server's handlers and may hold it for many seconds.
    init(port: Int) throws {
        // The descriptor is kept local until connected: a class whose stored properties are
        // all set runs its deinit when its init throws, which would close it a second time
        // (by then perhaps another socket's number, in a server of a test running beside).
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawWebSocket.Failure(operation: "socket", code: errno) }
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
        guard code == 0 else {
            let failure = RawWebSocket.Failure(operation: "connect", code: errno)
            close(descriptor)
            throw failure
        }
        socket = descriptor
    }

    deinit { close(socket) }

    /// Sends the opening handshake for `path` and reads the answer's head (status, fields).
    func handshake(
        path: String = "/ws", protocols: [String] = [], extra: [(String, String)] = []
    ) throws -> (status: Int, headers: [(name: String, value: String)]) {
        var head = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
        head += "Connection: Upgrade\r\nSec-WebSocket-Key: \(Self.key)\r\n"
        head += "Sec-WebSocket-Version: 13\r\n"
        if !protocols.isEmpty {
            head += "Sec-WebSocket-Protocol: \(protocols.joined(separator: ", "))\r\n"
        }
        for (name, value) in extra { head += "\(name): \(value)\r\n" }
        try write(Array((head + "\r\n").utf8))
        return try readHead()
    }

    /// Reads a response head and returns its status and fields; the body, if any, stays
    /// buffered.
    func readHead() throws -> (status: Int, headers: [(name: String, value: String)]) {
        let blank: [UInt8] = [13, 10, 13, 10]
        var end: Int?
        while end == nil {
            end =
                buffer.count < 4
                ? nil
                : (0...(buffer.count - 4)).first {
                    Array(buffer[$0..<$0 + 4]) == blank
                }
            if end == nil { try fill() }
        }
        let text = String(decoding: buffer[..<end!], as: UTF8.self)
        buffer.removeFirst(end! + 4)
        let lines = text.split(separator: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (
                String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " })
            )
        }
        return (status, headers)
    }

    /// Writes one frame: masked unless told otherwise, final unless told otherwise.
    func send(
        opcode: UInt8, payload: [UInt8], fin: Bool = true, masked: Bool = true
    ) throws {
        var frame: [UInt8] = [(fin ? 0x80 : 0) | opcode]
        let maskBit: UInt8 = masked ? 0x80 : 0
        if payload.count < 126 {
            frame.append(maskBit | UInt8(payload.count))
        } else if payload.count < 65536 {
            frame += [maskBit | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        } else {
            frame.append(maskBit | 127)
            frame += (0..<8).reversed().map { UInt8((payload.count >> ($0 * 8)) & 0xFF) }
        }
        guard masked else { return try write(frame + payload) }
        let key: [UInt8] = [0x37, 0xFA, 0x21, 0x3D]
        frame += key
        frame += payload.enumerated().map { $0.element ^ key[$0.offset & 3] }
        try write(frame)
    }

    /// Writes a text frame.
    func send(text: String, fin: Bool = true) throws {
        try send(opcode: 1, payload: Array(text.utf8), fin: fin)
    }

    /// Writes a close frame with `code` and `reason`.
    func sendClose(code: UInt16, reason: String = "") throws {
        try send(opcode: 8, payload: [UInt8(code >> 8), UInt8(code & 0xFF)] + Array(reason.utf8))
    }

    /// Reads one frame (server frames are never masked).
    func readFrame() throws -> Frame {
        try need(2)
        let first = buffer[0]
        let short = Int(buffer[1] & 0x7F)
        var length = short
        var headerSize = 2
        if short == 126 {
            try need(4)
            length = Int(buffer[2]) << 8 | Int(buffer[3])
            headerSize = 4
        } else if short == 127 {
            try need(10)
            length = buffer[2..<10].reduce(0) { $0 << 8 | Int($1) }
            headerSize = 10
        }
        try need(headerSize + length)
        let frame = Frame(
            fin: first & 0x80 != 0, opcode: first & 0x0F,
            payload: Array(buffer[headerSize..<headerSize + length]))
        buffer.removeFirst(headerSize + length)
        return frame
    }

    /// True when the server closes the TCP connection within the read timeout.
    func isClosedByServer() -> Bool {
        guard buffer.isEmpty else { return false }
        var byte: UInt8 = 0
        let count = recv(socket, &byte, 1, 0)
        return count == 0 || (count < 0 && errno == ECONNRESET)
    }

    /// Writes raw bytes.
    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { throw RawWebSocket.Failure(operation: "send", code: errno) }
            offset += written
        }
    }

    /// Reads whatever arrives next (at least one byte), for streamed bodies.
    func readSome() throws -> [UInt8] {
        if buffer.isEmpty { try fill() }
        defer { buffer.removeAll() }
        return buffer
    }

    private func need(_ count: Int) throws {
        while buffer.count < count { try fill() }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 16 << 10)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else {
            throw RawWebSocket.Failure(operation: "recv", code: count == 0 ? 0 : errno)
        }
        buffer += chunk.prefix(count)
    }
}
