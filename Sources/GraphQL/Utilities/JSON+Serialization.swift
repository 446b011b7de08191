extension JSON {
    /// The value as compact JSON text, with object keys in insertion order.
    public var jsonText: String {
        var output = ""
        output.reserveCapacity(256)
        write(to: &output)
        return output
    }

    /// Appends the JSON text of this value to `output`.
    func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value): output += JSON.format(value)
        case .string(let value): JSON.writeString(value, to: &output)
        case .list(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.write(to: &output)
            }
            output += "]"
        case .object(let object):
            output += "{"
            for index in object.keys.indices {
                if index > 0 { output += "," }
                JSON.writeString(object.keys[index], to: &output)
                output += ":"
                object.values[index].write(to: &output)
            }
            output += "}"
        }
    }

    /// Formats a double the way JSON needs it: integral values keep a `.0`, non-finite become null.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return String(value)
    }

    static func writeString(_ value: String, to output: inout String) {
        output += "\""
        // Most strings need no escape: append them whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            output += value
            output += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// Parses JSON text into a value, keeping object key order.
    /// - Throws: `GraphQLError` with category `.coercion` when the text is not JSON.
    public static func parse(_ text: String) throws(GraphQLError) -> JSON {
        var reader = JSONReader(Array(text.utf8))
        return try reader.readDocument()
    }
}
