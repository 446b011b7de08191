/// The fixed part of a frame (RFC 6455, section 5.2): flags, opcode, length and mask key.
struct WebSocketFrameHeader {
    /// What parsing the start of a buffer found.
    enum Parsed {
        /// Not all of the header has arrived.
        case incomplete
        /// Reserved bits set, a reserved opcode, or a length with its top bit set.
        case invalid
        /// A whole header.
        case header(WebSocketFrameHeader)
    }

    /// True on the last frame of a message.
    var fin: Bool
    /// The frame's opcode.
    var opcode: WebSocketOpcode
    /// True when the payload is masked, as every client frame must be.
    var masked: Bool
    /// The payload's length in bytes.
    var length: UInt64
    /// The masking key, zeros when unmasked.
    var mask: (UInt8, UInt8, UInt8, UInt8)
    /// The header's own size in bytes: 2 to 14.
    var size: Int

    /// Parses the header at the start of `bytes`. Extensions are never negotiated, so any
    /// reserved bit is an error.
    static func parse(_ bytes: ArraySlice<UInt8>) -> Parsed {
        guard bytes.count >= 2 else { return .incomplete }
        let first = bytes[bytes.startIndex]
        let second = bytes[bytes.startIndex + 1]
        guard first & 0x70 == 0, let opcode = WebSocketOpcode(rawValue: first & 0x0F) else {
            return .invalid
        }
        let masked = second & 0x80 != 0
        let short = second & 0x7F
        let extra = short == 126 ? 2 : short == 127 ? 8 : 0
        let size = 2 + extra + (masked ? 4 : 0)
        guard bytes.count >= size else { return .incomplete }
        var length = UInt64(short)
        if extra > 0 {
            length = bytes.dropFirst(2).prefix(extra).reduce(0) { $0 << 8 | UInt64($1) }
            guard length >> 63 == 0 else { return .invalid }
        }
        var mask: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        if masked {
            let key = bytes.startIndex + 2 + extra
            mask = (bytes[key], bytes[key + 1], bytes[key + 2], bytes[key + 3])
        }
        let header = WebSocketFrameHeader(
            fin: first & 0x80 != 0, opcode: opcode, masked: masked, length: length, mask: mask,
            size: size)
        return .header(header)
    }

    /// Unmasks (or masks: the operation is its own inverse) `payload` in place.
    func unmask(_ payload: inout [UInt8]) {
        guard masked else { return }
        let key = [mask.0, mask.1, mask.2, mask.3]
        for index in payload.indices {
            payload[index] ^= key[index & 3]
        }
    }

    /// A whole unmasked, unfragmented frame as the server sends it.
    static func frame(_ opcode: WebSocketOpcode, payload: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0x80 | opcode.rawValue]
        switch payload.count {
        case ..<126:
            bytes.append(UInt8(payload.count))
        case ..<65536:
            bytes.append(126)
            bytes += [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        default:
            bytes.append(127)
            bytes += (0..<8).reversed().map { UInt8((UInt64(payload.count) >> ($0 * 8)) & 0xFF) }
        }
        return bytes + payload
    }

    /// A close frame's payload: the code in network order, then the reason.
    static func closePayload(code: UInt16, reason: String) -> [UInt8] {
        [UInt8(code >> 8), UInt8(code & 0xFF)] + Array(reason.utf8)
    }
}
