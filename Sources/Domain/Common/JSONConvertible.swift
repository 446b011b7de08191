import CanonicalJSON

/// A value that converts to and from a ``JSONValue`` tree; event payloads are built from
/// these trees, whose objects ``CanonicalJSON`` always writes in canonical key order.
public protocol JSONConvertible: Sendable {
    /// The value as a JSON tree.
    var jsonValue: JSONValue { get }
    /// Reads the value back from a JSON tree.
    /// - Throws: ``JSONError`` with `typeMismatch`, `missingKey` or `invalidValue`.
    init(jsonValue: JSONValue) throws(JSONError)
}

/// A string-backed enumeration converted as its raw value.
public protocol JSONStringEnum: JSONConvertible, JSONCodable, RawRepresentable
where RawValue == String {}

extension JSONStringEnum {
    /// The raw value as a JSON string.
    public var jsonValue: JSONValue { .string(rawValue) }

    /// Reads a raw value; an unknown one is an `invalidValue` error.
    public init(jsonValue: JSONValue) throws(JSONError) {
        guard let text = jsonValue.stringValue else { throw JSONError(.typeMismatch, at: 0) }
        guard let value = Self(rawValue: text) else { throw JSONError(.invalidValue, at: 0) }
        self = value
    }

    /// Reads a raw value straight from JSON; an unknown one is an `invalidValue` error.
    public init(from reader: inout JSONReader) throws(JSONError) {
        let offset = reader.offset
        guard let value = Self(rawValue: try reader.readString()) else {
            throw JSONError(.invalidValue, at: offset)
        }
        self = value
    }

    /// Writes the raw value as a JSON string.
    public func encode(to writer: inout JSONWriter) {
        writer.string(rawValue)
    }
}

extension String: JSONConvertible {
    /// The string as a JSON string.
    public var jsonValue: JSONValue { .string(self) }

    /// Reads a JSON string.
    public init(jsonValue: JSONValue) throws(JSONError) {
        guard let text = jsonValue.stringValue else { throw JSONError(.typeMismatch, at: 0) }
        self = text
    }
}

extension Bool: JSONConvertible {
    /// The flag as a JSON boolean.
    public var jsonValue: JSONValue { .bool(self) }

    /// Reads a JSON boolean.
    public init(jsonValue: JSONValue) throws(JSONError) {
        guard case .bool(let flag) = jsonValue else { throw JSONError(.typeMismatch, at: 0) }
        self = flag
    }
}

extension Int: JSONConvertible {
    /// The integer as a JSON integer.
    public var jsonValue: JSONValue { .int(Int64(self)) }

    /// Reads a JSON integer.
    public init(jsonValue: JSONValue) throws(JSONError) {
        guard let number = jsonValue.intValue else { throw JSONError(.typeMismatch, at: 0) }
        self = Int(number)
    }
}

extension Timestamp: JSONConvertible {
    /// The instant as integer microseconds since the epoch.
    public var jsonValue: JSONValue { .int(microseconds) }

    /// Reads integer microseconds since the epoch.
    public init(jsonValue: JSONValue) throws(JSONError) {
        guard let number = jsonValue.intValue else { throw JSONError(.typeMismatch, at: 0) }
        self.init(microseconds: number)
    }
}

extension Weight: JSONConvertible {
    /// The mass as integer grams.
    public var jsonValue: JSONValue { .int(grams) }

    /// Reads integer grams.
    public init(jsonValue: JSONValue) throws(JSONError) {
        guard let number = jsonValue.intValue else { throw JSONError(.typeMismatch, at: 0) }
        self.init(grams: number)
    }
}

extension Timestamp: JSONCodable {
    /// Reads integer microseconds since the epoch.
    public init(from reader: inout JSONReader) throws(JSONError) {
        self.init(microseconds: try reader.readInt())
    }

    /// Writes integer microseconds since the epoch.
    public func encode(to writer: inout JSONWriter) {
        writer.int(microseconds)
    }
}

extension Weight: JSONCodable {
    /// Reads integer grams.
    public init(from reader: inout JSONReader) throws(JSONError) {
        self.init(grams: try reader.readInt())
    }

    /// Writes integer grams.
    public func encode(to writer: inout JSONWriter) {
        writer.int(grams)
    }
}

extension Array: JSONConvertible where Element: JSONConvertible {
    /// The elements as a JSON array.
    public var jsonValue: JSONValue { .array(map(\.jsonValue)) }

    /// Reads a JSON array of elements.
    public init(jsonValue: JSONValue) throws(JSONError) {
        guard case .array(let elements) = jsonValue else { throw JSONError(.typeMismatch, at: 0) }
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for element in elements { result.append(try Element(jsonValue: element)) }
        self = result
    }
}
