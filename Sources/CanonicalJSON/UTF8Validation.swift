/// Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing past
/// U+10FFFF), with an eight-bytes-at-a-time path for ASCII, which most payload text is.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            if index + 8 <= count {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard let width = sequenceWidth(bytes, at: index) else { return false }
            index += width
        }
        return true
    }

    /// The length of the multi-byte sequence starting at `index`, or nil when invalid.
    private static func sequenceWidth(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int? {
        let lead = bytes[index]
        let width: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: width = 2
        case 0xE0:
            width = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: width = 3
        case 0xED:
            width = 3
            high = 0x9F
        case 0xF0:
            width = 4
            low = 0x90
        case 0xF1...0xF3: width = 4
        case 0xF4:
            width = 4
            high = 0x8F
        default: return nil
        }
        guard index + width <= bytes.count else { return nil }
        guard (low...high).contains(bytes[index + 1]) else { return nil }
        for offset in 2..<max(2, width) where bytes[index + offset] & 0xC0 != 0x80 {
            return nil
        }
        return width
    }

    /// Makes a `String` from bytes already known to be valid UTF-8.
    static func string(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes.bindMemory(to: UInt8.self), as: UTF8.self)
    }
}
