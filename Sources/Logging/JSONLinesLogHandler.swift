import Glibc

/// Writes one JSON object per record to standard error, for log collectors:
/// `{"label":"http","level":"info","message":"HTTP server listening","http.address":"…"}`.
/// Metadata keys stand beside the fixed ones; a metadata key equal to a fixed one is prefixed
/// with `meta.` so nothing is lost.
public struct JSONLinesLogHandler: LogHandler {
    private let descriptor: Int32

    /// Writes to standard error.
    public init() {
        descriptor = 2
    }

    /// Formats and writes `record` as one line in one `write` call.
    public func write(_ record: LogRecord) {
        var line = "{\"label\":\(Self.quoted(record.label)),\"level\":\"\(record.level.name)\""
        line += ",\"message\":\(Self.quoted(record.message))"
        for key in record.metadata.keys.sorted() {
            let name = ["label", "level", "message"].contains(key) ? "meta." + key : key
            line += ",\(Self.quoted(name)):\(Self.quoted(record.metadata[key]!))"
        }
        line += "}\n"
        var bytes = Array(line.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }

    /// A JSON string literal for `text`.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
