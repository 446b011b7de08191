extension JSONReader {
    /// Where a number's bytes lie and whether it has a fraction or an exponent.
    struct NumberSpan {
        var start: Int
        var end: Int
        var isFloat: Bool
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Skips whitespace and fails when nothing is left to read.
    @usableFromInline
    mutating func skipWhitespace() throws(JSONError) {
        while index < base.count, Self.isWhitespace(base[index]) { index += 1 }
        guard index < base.count else { throw JSONError(.unexpectedEnd, at: index) }
    }

    mutating func expect(_ byte: UInt8) throws(JSONError) {
        try skipWhitespace()
        guard base[index] == byte else { throw JSONError(.unexpectedByte, at: index) }
        index += 1
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONError) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= base.count else { throw JSONError(.unexpectedEnd, at: index) }
        for offset in 0..<count where base[index + offset] != literal.utf8Start[offset] {
            throw JSONError(.unexpectedByte, at: index + offset)
        }
        index += count
    }

    mutating func enter() throws(JSONError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw JSONError(.tooDeep, at: index) }
    }

    /// Fails with a type mismatch unless a number starts at the next byte.
    mutating func expectNumber() throws(JSONError) {
        try skipWhitespace()
        let byte = base[index]
        guard byte == UInt8(ascii: "-") || Self.isDigit(byte) else {
            throw JSONError(.typeMismatch, at: index)
        }
    }

    /// Scans one number per RFC 8259's grammar and returns its span.
    mutating func scanNumber() throws(JSONError) -> NumberSpan {
        try skipWhitespace()
        let start = index
        var isFloat = false
        if base[index] == UInt8(ascii: "-") { index += 1 }
        guard index < base.count, Self.isDigit(base[index]) else {
            throw JSONError(index < base.count ? .unexpectedByte : .unexpectedEnd, at: index)
        }
        if base[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits()
        }
        if index < base.count, base[index] == UInt8(ascii: ".") {
            isFloat = true
            index += 1
            try requireDigits()
        }
        if index < base.count, base[index] | 0x20 == UInt8(ascii: "e") {
            isFloat = true
            index += 1
            if index < base.count,
                base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-")
            {
                index += 1
            }
            try requireDigits()
        }
        return NumberSpan(start: start, end: index, isFloat: isFloat)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    private mutating func skipDigits() {
        while index < base.count, Self.isDigit(base[index]) { index += 1 }
    }

    private mutating func requireDigits() throws(JSONError) {
        guard index < base.count else { throw JSONError(.unexpectedEnd, at: index) }
        guard Self.isDigit(base[index]) else { throw JSONError(.unexpectedByte, at: index) }
        skipDigits()
    }

    /// Reads a member key; keys without escapes stay as a view of the document's bytes.
    mutating func readKey() throws(JSONError) -> JSONKey {
        try skipWhitespace()
        guard base[index] == UInt8(ascii: "\"") else { throw JSONError(.unexpectedByte, at: index) }
        if let bytes = try scanPlainString() { return JSONKey(raw: bytes, decoded: nil) }
        let text = try readEscapedString(from: index + 1)
        return JSONKey(raw: UnsafeRawBufferPointer(start: nil, count: 0), decoded: text)
    }

    /// At an opening quote: when the string holds no escape, checks its UTF-8, moves past the
    /// closing quote and returns its bytes; when it holds one, returns nil without moving.
    mutating func scanPlainString() throws(JSONError) -> UnsafeRawBufferPointer? {
        let start = index + 1
        var position = start
        while true {
            position += Self.plainRun(base, from: position)
            guard position < base.count else { throw JSONError(.unexpectedEnd, at: position) }
            let byte = base[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") { return nil }
            throw JSONError(.invalidString, at: position)
        }
        let bytes = UnsafeRawBufferPointer(rebasing: base[start..<position])
        guard UTF8Validation.isValid(bytes) else { throw JSONError(.invalidString, at: start) }
        index = position + 1
        return bytes
    }

    /// How many bytes from `start` need no attention inside a string: no quote, no backslash,
    /// no control character. Eight bytes are tested at a time.
    @inline(__always)
    static func plainRun(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var position = start
        while position + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let special =
                ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                | ((word &- ones &* 0x20) & ~word)
            if special & highs != 0 { break }
            position += 8
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 { break }
            position += 1
        }
        return position - start
    }

    /// The slow path of ``readString()``: a string holding at least one escape.
    mutating func readEscapedString(from start: Int) throws(JSONError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var position = start
        while position < base.count {
            let byte = base[position]
            switch byte {
            case UInt8(ascii: "\""):
                index = position + 1
                let valid = bytes.withUnsafeBytes { UTF8Validation.isValid($0) }
                guard valid else { throw JSONError(.invalidString, at: start) }
                return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                position = try appendEscape(at: position, to: &bytes)
            case 0..<0x20:
                throw JSONError(.invalidString, at: position)
            default:
                bytes.append(byte)
                position += 1
            }
        }
        throw JSONError(.unexpectedEnd, at: position)
    }

    /// Decodes the escape starting at `position` (the backslash) and returns the offset after it.
    private func appendEscape(at position: Int, to bytes: inout [UInt8]) throws(JSONError) -> Int {
        guard position + 1 < base.count else { throw JSONError(.unexpectedEnd, at: position) }
        let simple: UInt8?
        switch base[position + 1] {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default: throw JSONError(.invalidString, at: position)
        }
        if let simple {
            bytes.append(simple)
            return position + 2
        }
        var scalar = try hexQuad(at: position + 2)
        var next = position + 6
        if (0xD800..<0xDC00).contains(scalar) {
            guard next + 1 < base.count, base[next] == UInt8(ascii: "\\"),
                base[next + 1] == UInt8(ascii: "u")
            else { throw JSONError(.invalidString, at: position) }
            let low = try hexQuad(at: next + 2)
            guard (0xDC00..<0xE000).contains(low) else { throw JSONError(.invalidString, at: next) }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            next += 6
        }
        guard let unicode = Unicode.Scalar(scalar) else {
            throw JSONError(.invalidString, at: position)
        }
        bytes.append(contentsOf: String(Character(unicode)).utf8)
        return next
    }

    private func hexQuad(at position: Int) throws(JSONError) -> UInt32 {
        guard position + 4 <= base.count else { throw JSONError(.unexpectedEnd, at: position) }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = base[position + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - 0x30
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - 0x57
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - 0x37
            default: throw JSONError(.invalidString, at: position + offset)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
