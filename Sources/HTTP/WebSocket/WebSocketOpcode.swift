/// The frame opcodes of RFC 6455, section 5.2; the others are reserved.
enum WebSocketOpcode: UInt8 {
    case continuation = 0x0
    case text = 0x1
    case binary = 0x2
    case close = 0x8
    case ping = 0x9
    case pong = 0xA

    /// Close, ping and pong: at most 125 bytes of payload and never fragmented.
    var isControl: Bool { rawValue & 0x8 != 0 }
}
