/// Where register rows go, one at a time: a CSV or XLSX writer.
public protocol RegisterSink {
    /// Writes the header line.
    mutating func begin(columns: [String]) throws
    /// Writes one line.
    mutating func write(_ cells: [RegisterCell]) throws
    /// Ends the document; nothing may be written after.
    mutating func finish() throws
}

/// Why a register could not be written.
public enum RegisterError: Error, Equatable, Sendable {
    /// The output file cannot be opened or written.
    case output(path: String, reason: String)
}
