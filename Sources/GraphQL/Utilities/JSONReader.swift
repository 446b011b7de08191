/// A small JSON parser that keeps object keys in source order (Foundation's does not).
struct JSONReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func readDocument() throws(GraphQLError) -> JSON {
        let value = try readValue()
        skipWhitespace()
        guard position == bytes.count else { throw failure("trailing characters") }
        return value
    }

    private func failure(_ reason: String) -> GraphQLError {
        GraphQLError("Invalid JSON at byte \(position): \(reason).", category: .coercion)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count,
            bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D
                || bytes[position] == 0x09
        {
            position += 1
        }
    }

    private mutating func readValue() throws(GraphQLError) -> JSON {
        skipWhitespace()
        guard position < bytes.count else { throw failure("unexpected end") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readList()
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): return try readWord("true", .bool(true))
        case UInt8(ascii: "f"): return try readWord("false", .bool(false))
        case UInt8(ascii: "n"): return try readWord("null", .null)
        default: return try readNumber()
        }
    }

    private mutating func readWord(_ word: String, _ value: JSON) throws(GraphQLError) -> JSON {
        for byte in word.utf8 {
            guard position < bytes.count, bytes[position] == byte else {
                throw failure("expected \(word)")
            }
            position += 1
        }
        return value
    }

    private mutating func readObject() throws(GraphQLError) -> JSON {
        position += 1
        var object = JSONObject()
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw failure("expected a key")
            }
            let key = try readString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw failure("expected ':'")
            }
            position += 1
            object[key] = try readValue()
            skipWhitespace()
            guard position < bytes.count else { throw failure("unterminated object") }
            position += 1
            if bytes[position - 1] == UInt8(ascii: "}") { return .object(object) }
            guard bytes[position - 1] == UInt8(ascii: ",") else { throw failure("expected ','") }
        }
    }

    private mutating func readList() throws(GraphQLError) -> JSON {
        position += 1
        var items: [JSON] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .list(items)
        }
        while true {
            items.append(try readValue())
            skipWhitespace()
            guard position < bytes.count else { throw failure("unterminated list") }
            position += 1
            if bytes[position - 1] == UInt8(ascii: "]") { return .list(items) }
            guard bytes[position - 1] == UInt8(ascii: ",") else { throw failure("expected ','") }
        }
    }

    private mutating func readNumber() throws(GraphQLError) -> JSON {
        let start = position
        var isFloat = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                isFloat = true
            } else if !(byte >= 0x30 && byte <= 0x39) && byte != UInt8(ascii: "-")
                && byte != UInt8(ascii: "+")
            {
                break
            }
            position += 1
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if !isFloat, let value = Int(text) { return .int(value) }
        guard let value = Double(text) else { throw failure("invalid number \(text)") }
        return .double(value)
    }

    private mutating func readString() throws(GraphQLError) -> String {
        position += 1
        var runStart = position
        var result = ""
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                result += String(decoding: bytes[runStart..<position], as: UTF8.self)
                position += 1
                return result
            }
            if byte == UInt8(ascii: "\\") {
                result += String(decoding: bytes[runStart..<position], as: UTF8.self)
                try readEscape(into: &result)
                runStart = position
                continue
            }
            position += 1
        }
        throw failure("unterminated string")
    }

    private mutating func readEscape(into result: inout String) throws(GraphQLError) {
        guard position + 1 < bytes.count else { throw failure("bad escape") }
        let code = bytes[position + 1]
        position += 2
        switch code {
        case UInt8(ascii: "n"): result += "\n"
        case UInt8(ascii: "t"): result += "\t"
        case UInt8(ascii: "r"): result += "\r"
        case UInt8(ascii: "b"): result += "\u{8}"
        case UInt8(ascii: "f"): result += "\u{C}"
        case UInt8(ascii: "u"):
            var value = try readHex4()
            if value >= 0xD800, value < 0xDC00, position + 1 < bytes.count,
                bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
            {
                position += 2
                let low = try readHex4()
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            result.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        default: result.unicodeScalars.append(Unicode.Scalar(code))
        }
    }

    private mutating func readHex4() throws(GraphQLError) -> UInt32 {
        guard position + 4 <= bytes.count,
            let value = UInt32(
                String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
        else { throw failure("bad unicode escape") }
        position += 4
        return value
    }
}
