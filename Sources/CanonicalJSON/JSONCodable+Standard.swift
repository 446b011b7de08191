/// Standard types read and written straight through ``JSONReader`` and ``JSONWriter``, so
/// typed codecs built on them never go through a ``JSONValue`` tree.
extension String: JSONCodable {
    /// Reads a JSON string.
    public init(from reader: inout JSONReader) throws(JSONError) {
        self = try reader.readString()
    }

    /// Writes the string, escaped as the canonical form requires.
    public func encode(to writer: inout JSONWriter) {
        writer.string(self)
    }
}

extension Bool: JSONCodable {
    /// Reads `true` or `false`.
    public init(from reader: inout JSONReader) throws(JSONError) {
        self = try reader.readBool()
    }

    /// Writes `true` or `false`.
    public func encode(to writer: inout JSONWriter) {
        writer.bool(self)
    }
}

extension Int64: JSONCodable {
    /// Reads an integer.
    public init(from reader: inout JSONReader) throws(JSONError) {
        self = try reader.readInt()
    }

    /// Writes the integer in plain decimal.
    public func encode(to writer: inout JSONWriter) {
        writer.int(self)
    }
}

extension Int: JSONCodable {
    /// Reads an integer.
    public init(from reader: inout JSONReader) throws(JSONError) {
        self = Int(try reader.readInt())
    }

    /// Writes the integer in plain decimal.
    public func encode(to writer: inout JSONWriter) {
        writer.int(Int64(self))
    }
}

extension Array: JSONDecodable where Element: JSONDecodable {
    /// Reads a JSON array, element by element. Inlinable, so that a decoder of another
    /// module gets it specialized for its element type instead of going through witnesses.
    @inlinable
    public init(from reader: inout JSONReader) throws(JSONError) {
        var elements: [Element] = []
        try reader.readArray { reader throws(JSONError) in
            elements.append(try Element(from: &reader))
        }
        self = elements
    }
}

extension Array: JSONEncodable where Element: JSONEncodable {
    /// Writes a JSON array, element by element (inlinable, as reading is).
    @inlinable
    public func encode(to writer: inout JSONWriter) {
        writer.beginArray()
        for element in self { element.encode(to: &writer) }
        writer.endArray()
    }
}
