/// A value that writes itself as canonical JSON.
public protocol JSONEncodable {
    /// Writes the value; object members must be written in ascending UTF-8 key order.
    func encode(to writer: inout JSONWriter)
}

/// A value that reads itself from JSON.
public protocol JSONDecodable {
    /// Reads the value from the reader's next JSON value.
    init(from reader: inout JSONReader) throws(JSONError)
}

/// A value that both writes and reads itself as JSON.
public typealias JSONCodable = JSONDecodable & JSONEncodable
