extension JSONReader {
    /// Reads one value and fails with ``JSONError/Reason/notCanonical`` unless it is written
    /// exactly as ``JSONWriter`` would write it.
    mutating func checkCanonicalValue() throws(JSONError) {
        guard index < base.count else { throw JSONError(.unexpectedEnd, at: index) }
        switch base[index] {
        case UInt8(ascii: "{"): try checkCanonicalObject()
        case UInt8(ascii: "["): try checkCanonicalArray()
        case UInt8(ascii: "\""): try checkCanonicalString()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try readBool()
        case UInt8(ascii: "n"): try expectLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try checkCanonicalNumber()
        default: throw Self.notCanonicalOrInvalid(base[index], at: index)
        }
    }

    private static func notCanonicalOrInvalid(_ byte: UInt8, at offset: Int) -> JSONError {
        JSONError(isWhitespace(byte) ? .notCanonical : .unexpectedByte, at: offset)
    }

    private mutating func checkCanonicalObject() throws(JSONError) {
        try enter()
        index += 1
        if try peekByte() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return
        }
        var previous: CanonicalKey?
        while true {
            let keyStart = index
            guard try peekByte() == UInt8(ascii: "\"") else {
                throw Self.notCanonicalOrInvalid(base[index], at: index)
            }
            let key = try checkCanonicalKey()
            if let previous, !previous.precedes(key) {
                throw JSONError(.notCanonical, at: keyStart)
            }
            previous = key
            guard try peekByte() == UInt8(ascii: ":") else {
                throw Self.notCanonicalOrInvalid(base[index], at: index)
            }
            index += 1
            try checkCanonicalValue()
            if try closeOrContinue(UInt8(ascii: "}")) { break }
        }
        depth -= 1
    }

    /// Checks a key and returns its bytes for ordering: a view of the document when the key
    /// has no escape, else its decoded bytes.
    private mutating func checkCanonicalKey() throws(JSONError) -> CanonicalKey {
        let start = index
        let hasEscape = try checkCanonicalString()
        if !hasEscape {
            return .raw(UnsafeRawBufferPointer(rebasing: base[start + 1..<index - 1]))
        }
        let end = index
        index = start
        let decoded = Array(try readString().utf8)
        index = end
        return .decoded(decoded)
    }

    private mutating func checkCanonicalArray() throws(JSONError) {
        try enter()
        index += 1
        if try peekByte() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return
        }
        while true {
            try checkCanonicalValue()
            if try closeOrContinue(UInt8(ascii: "]")) { break }
        }
        depth -= 1
    }

    /// Consumes `,` (returns false) or `closing` (returns true).
    private mutating func closeOrContinue(_ closing: UInt8) throws(JSONError) -> Bool {
        let byte = try peekByte()
        index += 1
        if byte == closing { return true }
        guard byte == UInt8(ascii: ",") else {
            throw Self.notCanonicalOrInvalid(byte, at: index - 1)
        }
        return false
    }

    private func peekByte() throws(JSONError) -> UInt8 {
        guard index < base.count else { throw JSONError(.unexpectedEnd, at: index) }
        return base[index]
    }

    /// A canonical string escapes `"`, `\` and control characters (with the short forms where
    /// they exist, else `\u00xx` in lower case) and nothing else; its bytes are valid UTF-8.
    /// Returns whether the string held an escape.
    @discardableResult
    private mutating func checkCanonicalString() throws(JSONError) -> Bool {
        let start = index + 1
        var position = start
        var hasEscape = false
        while position < base.count {
            position += Self.plainRun(base, from: position)
            guard position < base.count else { break }
            let byte = base[position]
            if byte == UInt8(ascii: "\"") {
                let content = UnsafeRawBufferPointer(rebasing: base[start..<position])
                guard UTF8Validation.isValid(content) else {
                    throw JSONError(.invalidString, at: start)
                }
                index = position + 1
                return hasEscape
            }
            if byte == UInt8(ascii: "\\") {
                hasEscape = true
                try checkCanonicalEscape(at: position)
                position += base[position + 1] == UInt8(ascii: "u") ? 6 : 2
            } else {
                throw JSONError(.invalidString, at: position)  // a control character
            }
        }
        throw JSONError(.unexpectedEnd, at: position)
    }

    private func checkCanonicalEscape(at position: Int) throws(JSONError) {
        guard position + 1 < base.count else { throw JSONError(.unexpectedEnd, at: position) }
        switch base[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return
        case UInt8(ascii: "u"):
            guard position + 6 <= base.count else { throw JSONError(.unexpectedEnd, at: position) }
            let digits = Array(UnsafeRawBufferPointer(rebasing: base[position + 2..<position + 6]))
            let shortForms: Set<[UInt8]> = ["0008", "000c", "000a", "000d", "0009"].map {
                Array($0.utf8)
            }
            .reduce(into: []) { $0.insert($1) }
            let isControl =
                digits[0] == 0x30 && digits[1] == 0x30
                && (digits[2] == 0x30 || digits[2] == 0x31)
                && (Self.isDigit(digits[3]) || (0x61...0x66).contains(digits[3]))
            guard isControl, !shortForms.contains(digits) else {
                throw JSONError(.notCanonical, at: position)
            }
        default:
            throw JSONError(.notCanonical, at: position)
        }
    }

    /// Integers in plain decimal without `-0`; other numbers exactly as Swift prints them.
    private mutating func checkCanonicalNumber() throws(JSONError) {
        let span = try scanNumber()
        let bytes = UnsafeRawBufferPointer(rebasing: base[span.start..<span.end])
        if span.isFloat {
            let text = String(decoding: bytes, as: UTF8.self)
            guard let value = Double(text), value.isFinite else {
                throw JSONError(.numberOutOfRange, at: span.start)
            }
            let canonical = value == 0 ? "0.0" : value.description
            guard canonical == text else { throw JSONError(.notCanonical, at: span.start) }
        } else if bytes.count == 2 && bytes[0] == UInt8(ascii: "-") && bytes[1] == UInt8(ascii: "0")
        {
            throw JSONError(.notCanonical, at: span.start)
        } else {
            index = span.start
            _ = try readInt()  // must fit in 64 bits
        }
    }
}

/// A member key as the canonical check compares it: ordering is by unescaped UTF-8 bytes.
private enum CanonicalKey {
    case raw(UnsafeRawBufferPointer)
    case decoded([UInt8])

    func precedes(_ other: CanonicalKey) -> Bool {
        switch (self, other) {
        case (.raw(let lhs), .raw(let rhs)): lhs.lexicographicallyPrecedes(rhs)
        case (.raw(let lhs), .decoded(let rhs)): lhs.lexicographicallyPrecedes(rhs)
        case (.decoded(let lhs), .raw(let rhs)): lhs.lexicographicallyPrecedes(rhs)
        case (.decoded(let lhs), .decoded(let rhs)): lhs.lexicographicallyPrecedes(rhs)
        }
    }
}
