extension Printer {
    /// A quoted string literal with the escapes GraphQL needs.
    static func string(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{8}": output += "\\b"
            case "\u{C}": output += "\\f"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// A triple-quoted block string, laid out over several lines when that reads better and
    /// when the content's first or last character would otherwise change its meaning.
    static func blockString(_ text: String, preferMultipleLines: Bool = false) -> String {
        let escaped = text.replacingOccurrencesOfTripleQuote()
        let lines = splitLines(escaped)
        let isSingleLine = lines.count == 1
        let indentedAfterFirst =
            lines.count > 1
            && lines.dropFirst().allSatisfy { $0.isEmpty || $0.first == " " || $0.first == "\t" }
        let endsWithTripleQuote = escaped.hasSuffix("\\\"\"\"")
        let endsWithQuote = text.hasSuffix("\"") && !endsWithTripleQuote
        let endsWithSlash = text.hasSuffix("\\")
        let forceTrailingNewLine = endsWithQuote || endsWithSlash
        let multipleLines =
            !isSingleLine || text.unicodeScalars.count > 70 || forceTrailingNewLine
            || indentedAfterFirst
            || endsWithTripleQuote || preferMultipleLines
        let startsWithSpace = isSingleLine && (text.first == " " || text.first == "\t")
        var result = "\"\"\""
        if (multipleLines && !startsWithSpace) || indentedAfterFirst { result += "\n" }
        result += escaped
        if multipleLines || forceTrailingNewLine { result += "\n" }
        return result + "\"\"\""
    }

    static func splitLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\n" || character == "\r" || character == "\r\n" {
                lines.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        // A final line terminator ends the last line rather than starting an empty one.
        if start < text.endIndex || lines.isEmpty { lines.append(text[start..<text.endIndex]) }
        return lines
    }
}

extension String {
    /// Escapes every `"""` as `\"""` so that it can sit inside a block string.
    func replacingOccurrencesOfTripleQuote() -> String {
        var result = ""
        var quotes = 0
        for character in self {
            if character == "\"" {
                quotes += 1
                if quotes == 3 {
                    result += "\\\"\"\""
                    quotes = 0
                }
                continue
            }
            result += String(repeating: "\"", count: quotes)
            quotes = 0
            result.append(character)
        }
        return result + String(repeating: "\"", count: quotes)
    }
}
