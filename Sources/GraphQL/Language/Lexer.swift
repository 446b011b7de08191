/// Turns GraphQL source text into tokens, one `next()` at a time.
///
/// Works on UTF-8 bytes for speed; columns count Unicode scalars so that locations match what
/// other implementations report for non-ASCII text.
struct Lexer {
    let bytes: [UInt8]
    var position = 0
    private var line = 1
    private var lineStart = 0
    /// Whether any byte above ASCII was seen on the current line, which makes columns costlier.
    private var lineHasWideScalars = false
    /// How many tokens were produced, for the token limit.
    private(set) var tokenCount = 0

    init(_ source: String) {
        self.bytes = Array(source.utf8)
        // A byte-order mark at the start is ignored.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            position = 3
            lineHasWideScalars = true
        }
    }

    /// The location of a byte offset on the current line.
    func location(of offset: Int) -> SourceLocation {
        guard lineHasWideScalars else {
            return SourceLocation(line: line, column: offset - lineStart + 1)
        }
        var column = 1
        var index = lineStart
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(line: line, column: column)
    }

    func syntaxError(_ message: String, at offset: Int) -> GraphQLError {
        GraphQLError(
            "Syntax error: \(message)", locations: [location(of: offset)], category: .syntax)
    }

    private mutating func newLine(after offset: Int) {
        startLine(at: offset)
    }

    /// Records that a new line begins at `offset`.
    mutating func startLine(at offset: Int) {
        line += 1
        lineStart = offset
        lineHasWideScalars = false
    }

    /// Records that the current line holds multi-byte scalars, so columns must be counted.
    mutating func markWideScalars() {
        lineHasWideScalars = true
    }

    /// Moves past `count` bytes of the current line.
    mutating func advance(by count: Int) {
        position += count
    }

    private func byte(_ offset: Int) -> UInt8 {
        offset < bytes.count ? bytes[offset] : 0
    }

    /// Skips whitespace, commas, line terminators and comments.
    private mutating func skipIgnored() throws(GraphQLError) {
        while position < bytes.count {
            let code = bytes[position]
            switch code {
            case 0x20, 0x09, 0x2C:
                position += 1
            case 0x0A:
                position += 1
                newLine(after: position)
            case 0x0D:
                position += byte(position + 1) == 0x0A ? 2 : 1
                newLine(after: position)
            case 0x23:
                skipComment()
            case 0xEF where byte(position + 1) == 0xBB && byte(position + 2) == 0xBF:
                lineHasWideScalars = true
                position += 3
            default:
                return
            }
        }
    }

    private mutating func skipComment() {
        position += 1
        while position < bytes.count {
            let code = bytes[position]
            if code == 0x0A || code == 0x0D { return }
            if code >= 0x80 { lineHasWideScalars = true }
            position += 1
        }
    }

    /// Reads the next token.
    mutating func next() throws(GraphQLError) -> Token {
        try skipIgnored()
        let start = position
        let startLocation = location(of: start)
        guard position < bytes.count else {
            return Token(
                kind: .endOfFile, start: start, end: start, location: startLocation, value: "")
        }
        tokenCount += 1
        let code = bytes[position]
        if let kind = Lexer.punctuator(code) {
            position += 1
            return Token(
                kind: kind, start: start, end: position, location: startLocation, value: "")
        }
        switch code {
        case UInt8(ascii: "."):
            if byte(position + 1) == 0x2E && byte(position + 2) == 0x2E {
                position += 3
                return Token(
                    kind: .spread, start: start, end: position, location: startLocation, value: "")
            }
        case UInt8(ascii: "\""):
            if byte(position + 1) == 0x22 && byte(position + 2) == 0x22 {
                return try readBlockString(location: startLocation)
            }
            return try readString(location: startLocation)
        case _ where Lexer.isNameStart(code):
            return readName(location: startLocation)
        case _ where Lexer.isDigit(code) || code == UInt8(ascii: "-"):
            return try readNumber(location: startLocation)
        default:
            break
        }
        throw unexpectedCharacter(at: position)
    }

    func unexpectedCharacter(at offset: Int) -> GraphQLError {
        if byte(offset) == UInt8(ascii: "'") {
            return syntaxError(
                "Strings are written between double quotes (\"), not single quotes.",
                at: offset)
        }
        let code = byte(offset)
        if code < 0x20 && code != 0x09 && code != 0x0A && code != 0x0D {
            return syntaxError(
                "The character \(describe(at: offset)) is not allowed outside strings.", at: offset)
        }
        return syntaxError(
            "The character \(describe(at: offset)) cannot start a token.", at: offset)
    }

    /// Shows the character at an offset the way error messages quote it.
    func describe(at offset: Int) -> String {
        guard offset < bytes.count else { return "<EOF>" }
        let code = bytes[offset]
        if code < 0x20 || code == 0x7F {
            let hex = String(code, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: bytes[offset..<end], as: UTF8.self)
        return text == "\"" ? "'\"'" : "\"\(text)\""
    }

    private static func punctuator(_ code: UInt8) -> Token.Kind? {
        switch code {
        case UInt8(ascii: "!"): return .bang
        case UInt8(ascii: "$"): return .dollar
        case UInt8(ascii: "&"): return .ampersand
        case UInt8(ascii: "("): return .parenLeft
        case UInt8(ascii: ")"): return .parenRight
        case UInt8(ascii: ":"): return .colon
        case UInt8(ascii: "="): return .equals
        case UInt8(ascii: "@"): return .at
        case UInt8(ascii: "["): return .bracketLeft
        case UInt8(ascii: "]"): return .bracketRight
        case UInt8(ascii: "{"): return .braceLeft
        case UInt8(ascii: "|"): return .pipe
        case UInt8(ascii: "}"): return .braceRight
        default: return nil
        }
    }

    static func isNameStart(_ code: UInt8) -> Bool {
        (code >= 0x41 && code <= 0x5A) || (code >= 0x61 && code <= 0x7A) || code == 0x5F
    }

    static func isDigit(_ code: UInt8) -> Bool {
        code >= 0x30 && code <= 0x39
    }

    private mutating func readName(location: SourceLocation) -> Token {
        let start = position
        position += 1
        while position < bytes.count,
            Lexer.isNameStart(bytes[position]) || Lexer.isDigit(bytes[position])
        {
            position += 1
        }
        let value = String(decoding: bytes[start..<position], as: UTF8.self)
        return Token(kind: .name, start: start, end: position, location: location, value: value)
    }

    private mutating func readNumber(location: SourceLocation) throws(GraphQLError) -> Token {
        let start = position
        var isFloat = false
        if byte(position) == UInt8(ascii: "-") { position += 1 }
        if byte(position) == UInt8(ascii: "0") {
            position += 1
            if Lexer.isDigit(byte(position)) {
                throw syntaxError(
                    "A number cannot go on with \(describe(at: position)) after a leading zero.",
                    at: position)
            }
        } else {
            try readDigits()
        }
        if byte(position) == UInt8(ascii: ".") {
            isFloat = true
            position += 1
            try readDigits()
        }
        if byte(position) == UInt8(ascii: "e") || byte(position) == UInt8(ascii: "E") {
            isFloat = true
            position += 1
            if byte(position) == UInt8(ascii: "+") || byte(position) == UInt8(ascii: "-") {
                position += 1
            }
            try readDigits()
        }
        let following = byte(position)
        if following == UInt8(ascii: ".") || Lexer.isNameStart(following) {
            throw syntaxError(
                "A number needs a digit here, not \(describe(at: position)).", at: position)
        }
        let value = String(decoding: bytes[start..<position], as: UTF8.self)
        return Token(
            kind: isFloat ? .float : .int, start: start, end: position, location: location,
            value: value)
    }

    private mutating func readDigits() throws(GraphQLError) {
        guard Lexer.isDigit(byte(position)) else {
            throw syntaxError(
                "A number needs a digit here, not \(describe(at: position)).", at: position)
        }
        while Lexer.isDigit(byte(position)) { position += 1 }
    }
}
