/// A pull reader over the bytes of one JSON document, for decoding straight into typed
/// values without building a tree.
///
/// A reader borrows its bytes: it is only valid inside the closure of
/// ``CanonicalJSON/read(_:_:)`` (or of `withUnsafeBytes` for ``init(_:)``) and must not escape.
/// Reading is strict JSON (RFC 8259); the canonical-form check is ``CanonicalJSON/validate(_:)``.
public struct JSONReader {
    /// How deep arrays and objects may nest before reading is refused.
    public static let maximumDepth = 128

    @usableFromInline let base: UnsafeRawBufferPointer
    @usableFromInline var index: Int
    @usableFromInline var depth = 0

    /// Makes a reader over `bytes`, which must stay valid while the reader is used.
    public init(_ bytes: UnsafeRawBufferPointer) {
        base = bytes
        index = 0
    }

    /// The offset of the next byte to read.
    public var offset: Int { index }

    /// Whether the next value is `null`.
    public mutating func peekNull() throws(JSONError) -> Bool {
        try skipWhitespace()
        return base[index] == UInt8(ascii: "n")
    }

    /// Reads `null` if it comes next and returns true; otherwise reads nothing.
    public mutating func readNullIfPresent() throws(JSONError) -> Bool {
        guard try peekNull() else { return false }
        try expectLiteral("null")
        return true
    }

    /// Reads `true` or `false`.
    public mutating func readBool() throws(JSONError) -> Bool {
        try skipWhitespace()
        switch base[index] {
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return true
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return false
        default:
            throw JSONError(.typeMismatch, at: index)
        }
    }

    /// Reads an integer; a number with a fraction or exponent is a type mismatch.
    public mutating func readInt() throws(JSONError) -> Int64 {
        try expectNumber()
        let span = try scanNumber()
        guard !span.isFloat else { throw JSONError(.typeMismatch, at: span.start) }
        var value: Int64 = 0
        var position = span.start
        let negative = base[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        while position < span.end {
            let digit = Int64(base[position] &- 0x30)
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) =
                negative
                ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            if overflow1 || overflow2 { throw JSONError(.numberOutOfRange, at: span.start) }
            value = sum
            position += 1
        }
        return value
    }

    /// Reads any number as a `Double`.
    public mutating func readDouble() throws(JSONError) -> Double {
        try expectNumber()
        let span = try scanNumber()
        let text = String(
            decoding: UnsafeRawBufferPointer(rebasing: base[span.start..<span.end]),
            as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONError(.numberOutOfRange, at: span.start)
        }
        return value
    }

    /// Reads a string, resolving escapes.
    public mutating func readString() throws(JSONError) -> String {
        try skipWhitespace()
        guard base[index] == UInt8(ascii: "\"") else { throw JSONError(.typeMismatch, at: index) }
        if let bytes = try scanPlainString() { return UTF8Validation.string(bytes) }
        return try readEscapedString(from: index + 1)
    }

    /// Reads an object, calling `body` once per member with its key; `body` must read or
    /// skip exactly the member's value.
    public mutating func readObject(
        _ body: (JSONKey, inout JSONReader) throws(JSONError) -> Void
    ) throws(JSONError) {
        try skipWhitespace()
        guard base[index] == UInt8(ascii: "{") else { throw JSONError(.typeMismatch, at: index) }
        try enter()
        index += 1
        try skipWhitespace()
        if base[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return
        }
        while true {
            let key = try readKey()
            try expect(UInt8(ascii: ":"))
            try body(key, &self)
            try skipWhitespace()
            let byte = base[index]
            index += 1
            if byte == UInt8(ascii: "}") { break }
            guard byte == UInt8(ascii: ",") else { throw JSONError(.unexpectedByte, at: index - 1) }
        }
        depth -= 1
    }

    /// Reads an array, calling `body` once per element; `body` must read or skip it.
    public mutating func readArray(
        _ body: (inout JSONReader) throws(JSONError) -> Void
    ) throws(JSONError) {
        try skipWhitespace()
        guard base[index] == UInt8(ascii: "[") else { throw JSONError(.typeMismatch, at: index) }
        try enter()
        index += 1
        try skipWhitespace()
        if base[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return
        }
        while true {
            try body(&self)
            try skipWhitespace()
            let byte = base[index]
            index += 1
            if byte == UInt8(ascii: "]") { break }
            guard byte == UInt8(ascii: ",") else { throw JSONError(.unexpectedByte, at: index - 1) }
        }
        depth -= 1
    }

    /// Reads and discards one value of any type, checking its syntax.
    public mutating func skipValue() throws(JSONError) {
        try skipWhitespace()
        switch base[index] {
        case UInt8(ascii: "{"):
            try readObject { _, reader throws(JSONError) in try reader.skipValue() }
        case UInt8(ascii: "["): try readArray { reader throws(JSONError) in try reader.skipValue() }
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try readBool()
        case UInt8(ascii: "n"): try expectLiteral("null")
        default: _ = try scanNumber()
        }
    }

    /// Reads past a string, checking it as ``readString()`` does, without making a `String`
    /// of it when it holds no escape.
    mutating func skipString() throws(JSONError) {
        if try scanPlainString() != nil { return }
        _ = try readEscapedString(from: index + 1)
    }

    /// Checks that only whitespace follows the value just read.
    public mutating func finish() throws(JSONError) {
        while index < base.count, Self.isWhitespace(base[index]) { index += 1 }
        guard index == base.count else { throw JSONError(.trailingBytes, at: index) }
    }
}
