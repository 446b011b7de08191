/// Standard base64 (RFC 4648, section 4, with padding), for the handshake's accept key.
enum Base64 {
    private static let alphabet = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// `bytes` encoded, padded with `=` to a multiple of four characters.
    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        for group in stride(from: 0, to: bytes.count, by: 3) {
            let chunk = bytes[group..<min(group + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) {
                $0 | UInt32($1.element) << (16 - 8 * $1.offset)
            }
            for index in 0..<4 {
                let sextet = Int((value >> (18 - 6 * index)) & 0x3F)
                out.append(index <= chunk.count ? alphabet[sextet] : UInt8(ascii: "="))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when `text` is the encoding of exactly `count` bytes.
    static func isEncoding(_ text: String, ofByteCount count: Int) -> Bool {
        let padded = (count + 2) / 3 * 4
        let padding = (3 - count % 3) % 3
        let bytes = Array(text.utf8)
        guard bytes.count == padded else { return false }
        let body = bytes.prefix(padded - padding)
        return body.allSatisfy { alphabet.contains($0) }
            && bytes.suffix(padding).allSatisfy { $0 == UInt8(ascii: "=") }
    }
}
