extension Lexer {
    /// Reads a `"…"` string starting at the opening quote, decoding its escapes.
    mutating func readString(location: SourceLocation) throws(GraphQLError) -> Token {
        let start = position
        advance(by: 1)
        var value = ""
        var runStart = position
        while position < bytes.count {
            let code = bytes[position]
            switch code {
            case UInt8(ascii: "\""):
                value += String(decoding: bytes[runStart..<position], as: UTF8.self)
                advance(by: 1)
                return Token(
                    kind: .string, start: start, end: position, location: location, value: value)
            case UInt8(ascii: "\\"):
                value += String(decoding: bytes[runStart..<position], as: UTF8.self)
                try readEscape(into: &value)
                runStart = position
            case 0x0A, 0x0D:
                throw syntaxError("The string is not closed.", at: position)
            default:
                if code >= 0x80 { markWideScalars() }
                advance(by: 1)
            }
        }
        throw syntaxError("The string is not closed.", at: position)
    }

    private mutating func readEscape(into value: inout String) throws(GraphQLError) {
        let escapeStart = position
        let code = position + 1 < bytes.count ? bytes[position + 1] : 0
        let simple: String? =
            switch code {
            case UInt8(ascii: "\""): "\""
            case UInt8(ascii: "\\"): "\\"
            case UInt8(ascii: "/"): "/"
            case UInt8(ascii: "b"): "\u{8}"
            case UInt8(ascii: "f"): "\u{C}"
            case UInt8(ascii: "n"): "\n"
            case UInt8(ascii: "r"): "\r"
            case UInt8(ascii: "t"): "\t"
            default: nil
            }
        if let simple {
            value += simple
            advance(by: 2)
            return
        }
        guard code == UInt8(ascii: "u") else {
            let end = min(bytes.count, position + 2)
            let shown = String(decoding: bytes[position..<end], as: UTF8.self)
            throw syntaxError(
                "The escape \"\(shown)\" is not valid in a string.", at: escapeStart)
        }
        let scalar: Unicode.Scalar
        if position + 2 < bytes.count, bytes[position + 2] == UInt8(ascii: "{") {
            scalar = try readVariableWidthEscape()
        } else {
            scalar = try readFixedWidthEscape()
        }
        value.unicodeScalars.append(scalar)
    }

    /// Reads `\u{…}` with one or more hex digits naming a Unicode scalar.
    private mutating func readVariableWidthEscape() throws(GraphQLError) -> Unicode.Scalar {
        var index = position + 3
        var code: UInt32 = 0
        var digits = 0
        while index < bytes.count, let digit = Lexer.hexValue(bytes[index]) {
            code = code > 0x10FFFF ? code : code << 4 | digit
            digits += 1
            index += 1
        }
        guard digits > 0, index < bytes.count, bytes[index] == UInt8(ascii: "}"),
            let scalar = Unicode.Scalar(code)
        else {
            throw invalidUnicodeEscape(length: index + 1 - position)
        }
        advance(by: index + 1 - position)
        return scalar
    }

    /// Reads `\uXXXX`, joining a leading and trailing surrogate written as two escapes.
    private mutating func readFixedWidthEscape() throws(GraphQLError) -> Unicode.Scalar {
        guard let code = readHex4(at: position + 2) else { throw invalidUnicodeEscape(length: 6) }
        if let scalar = Unicode.Scalar(code) {
            advance(by: 6)
            return scalar
        }
        if code >= 0xD800, code <= 0xDBFF, position + 7 < bytes.count,
            bytes[position + 6] == UInt8(ascii: "\\"), bytes[position + 7] == UInt8(ascii: "u"),
            let low = readHex4(at: position + 8), low >= 0xDC00, low <= 0xDFFF,
            let scalar = Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
        {
            advance(by: 12)
            return scalar
        }
        throw invalidUnicodeEscape(length: 6)
    }

    private func invalidUnicodeEscape(length: Int) -> GraphQLError {
        let end = min(bytes.count, position + length)
        let shown = String(decoding: bytes[position..<end], as: UTF8.self)
        return syntaxError("The escape \"\(shown)\" names no Unicode scalar.", at: position)
    }

    private func readHex4(at offset: Int) -> UInt32? {
        guard offset + 4 <= bytes.count else { return nil }
        var code: UInt32 = 0
        for index in offset..<offset + 4 {
            guard let digit = Lexer.hexValue(bytes[index]) else { return nil }
            code = code << 4 | digit
        }
        return code
    }

    static func hexValue(_ code: UInt8) -> UInt32? {
        switch code {
        case 0x30...0x39: return UInt32(code - 0x30)
        case 0x41...0x46: return UInt32(code - 0x41 + 10)
        case 0x61...0x66: return UInt32(code - 0x61 + 10)
        default: return nil
        }
    }

    /// Reads a `"""…"""` block string and removes its common indentation.
    mutating func readBlockString(location: SourceLocation) throws(GraphQLError) -> Token {
        let start = position
        advance(by: 3)
        var lines: [String] = []
        var current: [UInt8] = []
        while position < bytes.count {
            let code = bytes[position]
            if code == 0x22 && byteAt(position + 1) == 0x22 && byteAt(position + 2) == 0x22 {
                lines.append(String(decoding: current, as: UTF8.self))
                advance(by: 3)
                let value = Lexer.dedentBlockLines(lines).joined(separator: "\n")
                return Token(
                    kind: .blockString, start: start, end: position, location: location,
                    value: value)
            }
            if code == 0x5C && byteAt(position + 1) == 0x22 && byteAt(position + 2) == 0x22
                && byteAt(position + 3) == 0x22
            {
                current += [0x22, 0x22, 0x22]
                advance(by: 4)
                continue
            }
            if code == 0x0A || code == 0x0D {
                lines.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
                let width = code == 0x0D && byteAt(position + 1) == 0x0A ? 2 : 1
                advance(by: width)
                startLine(at: position)
                continue
            }
            // Since the October 2021 edition, any Unicode scalar may appear in a string.
            if code >= 0x80 { markWideScalars() }
            current.append(code)
            advance(by: 1)
        }
        throw syntaxError("The string is not closed.", at: position)
    }

    private func byteAt(_ offset: Int) -> UInt8 {
        offset < bytes.count ? bytes[offset] : 0
    }

    /// Removes the indentation common to all lines but the first, then leading and trailing
    /// blank lines, as the specification's BlockStringValue describes.
    static func dedentBlockLines(_ lines: [String]) -> [String] {
        var commonIndent = Int.max
        var firstNonBlank: Int?
        var lastNonBlank = -1
        for (index, line) in lines.enumerated() {
            let indent = line.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
            if indent == line.utf8.count { continue }
            firstNonBlank = firstNonBlank ?? index
            lastNonBlank = index
            if index != 0 && indent < commonIndent { commonIndent = indent }
        }
        guard let first = firstNonBlank else { return [] }
        return (first...lastNonBlank).map { index in
            let line = lines[index]
            guard index != 0 else { return line }
            let utf8 = line.utf8
            let drop = min(commonIndent, utf8.count)
            return String(decoding: utf8.dropFirst(drop), as: UTF8.self)
        }
    }
}
