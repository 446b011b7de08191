import Glibc

/// Writes a register as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when
/// they hold a comma, a quote or a line break), line by line through a buffered file.
public struct RegisterCSVWriter: RegisterSink {
    private let file: UnsafeMutablePointer<FILE>
    private let path: String

    /// Creates (or truncates) the file at `path`.
    public init(path: String) throws(RegisterError) {
        guard let file = fopen(path, "w") else {
            throw .output(path: path, reason: String(cString: strerror(errno)))
        }
        self.file = file
        self.path = path
    }

    /// Writes the header line.
    public mutating func begin(columns: [String]) throws {
        try line(columns)
    }

    /// Writes one line.
    public mutating func write(_ cells: [RegisterCell]) throws {
        try line(cells.map(\.text))
    }

    /// Flushes and closes the file.
    public mutating func finish() throws {
        guard fclose(file) == 0 else {
            throw RegisterError.output(path: path, reason: String(cString: strerror(errno)))
        }
    }

    private func line(_ fields: [String]) throws {
        var bytes: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: Self.escaped(field).utf8)
        }
        bytes.append(contentsOf: [13, 10])
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == bytes.count else {
            throw RegisterError.output(path: path, reason: String(cString: strerror(errno)))
        }
    }

    static func escaped(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
        else { return field }
        var quoted = "\""
        for character in field {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }
}
