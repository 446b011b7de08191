/// Turns the bytes a client sends into messages and control events (RFC 6455, section 5):
/// checks the framing, unmasks, joins fragments, validates text and enforces the size limit.
/// Pure: no I/O, so that every rule is tested on bytes alone.
struct WebSocketReader {
    /// What one complete frame, or a broken rule, means for the connection.
    enum Event: Equatable {
        /// A complete data message.
        case message(WebSocketMessage)
        /// A ping, to be answered by a pong with the same payload.
        case ping([UInt8])
        /// A pong, answering a ping of ours (or unsolicited); nothing to do.
        case pong
        /// The peer's close frame: its code (nil when it gave none) and reason.
        case close(code: UInt16?, reason: String)
        /// A broken rule: the connection must be closed with this code. Nothing more is read.
        case fail(code: UInt16)
    }

    /// The largest message accepted, fragments joined.
    let maxMessageBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    /// The fragments of a message in progress and its opcode (text or binary).
    private var fragments: (opcode: WebSocketOpcode, bytes: [UInt8])?
    private var failed = false

    /// Makes a reader for messages of at most `maxMessageBytes`.
    init(maxMessageBytes: Int) {
        self.maxMessageBytes = maxMessageBytes
    }

    /// Takes bytes as they arrive and returns the events of the frames they complete.
    mutating func read(_ bytes: some Collection<UInt8>) -> [Event] {
        guard !failed else { return [] }
        buffer.append(contentsOf: bytes)
        var events: [Event] = []
        while let event = nextEvent() {
            if let event { events.append(event) }
            if case .fail = event {
                failed = true
                break
            }
        }
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        return events
    }

    /// The next frame's event: nil when no complete frame is buffered, `.some(nil)` for a
    /// frame that completes nothing yet (a fragment).
    private mutating func nextEvent() -> Event?? {
        let header: WebSocketFrameHeader
        switch WebSocketFrameHeader.parse(buffer[start...]) {
        case .incomplete: return nil
        case .invalid: return .some(.fail(code: WebSocketCloseCode.protocolError))
        case .header(let parsed): header = parsed
        }
        if let code = check(header) { return .some(.fail(code: code)) }
        let end = start + header.size + Int(header.length)
        guard buffer.count >= end else { return nil }
        var payload = Array(buffer[(start + header.size)..<end])
        header.unmask(&payload)
        start = end
        return .some(handle(header, payload: payload))
    }

    /// The close code for a header that breaks a rule before its payload is read.
    private func check(_ header: WebSocketFrameHeader) -> UInt16? {
        if !header.masked { return WebSocketCloseCode.protocolError }
        if header.opcode.isControl {
            return header.fin && header.length <= 125 ? nil : WebSocketCloseCode.protocolError
        }
        switch (header.opcode, fragments) {
        case (.continuation, nil): return WebSocketCloseCode.protocolError
        case (.text, .some), (.binary, .some): return WebSocketCloseCode.protocolError
        default: break
        }
        let sofar = fragments?.bytes.count ?? 0
        guard header.length <= UInt64(maxMessageBytes - sofar) else {
            return WebSocketCloseCode.messageTooBig
        }
        return nil
    }

    private mutating func handle(_ header: WebSocketFrameHeader, payload: [UInt8]) -> Event? {
        switch header.opcode {
        case .ping: return .ping(payload)
        case .pong: return .pong
        case .close: return Self.close(payload)
        case .text, .binary:
            fragments = (header.opcode, payload)
        case .continuation:
            fragments?.bytes.append(contentsOf: payload)
        }
        guard header.fin, let (opcode, bytes) = fragments else { return nil }
        fragments = nil
        guard opcode == .text else { return .message(.binary(bytes)) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .fail(code: WebSocketCloseCode.invalidPayload)
        }
        return .message(.text(text))
    }

    /// A close frame's code and reason, or the failure its payload earns.
    private static func close(_ payload: [UInt8]) -> Event {
        if payload.isEmpty { return .close(code: nil, reason: "") }
        guard payload.count >= 2 else { return .fail(code: WebSocketCloseCode.protocolError) }
        let code = UInt16(payload[0]) << 8 | UInt16(payload[1])
        guard WebSocketCloseCode.isSendable(code) else {
            return .fail(code: WebSocketCloseCode.protocolError)
        }
        guard let reason = String(validating: payload.dropFirst(2), as: UTF8.self) else {
            return .fail(code: WebSocketCloseCode.invalidPayload)
        }
        return .close(code: code, reason: reason)
    }
}
