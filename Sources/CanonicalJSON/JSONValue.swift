/// A JSON document as a tree, for content whose shape is not known in advance (metadata,
/// field diffs). Typed payloads use ``JSONWriter`` and ``JSONReader`` directly.
public enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number without fraction or exponent.
    case int(Int64)
    /// A number with a fraction or an exponent; always finite.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; its canonical encoding orders members by key.
    case object([String: JSONValue])

    /// The member `key` of an object, or nil for a missing member or a non-object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The members held, if this is an object.
    public var objectValue: [String: JSONValue]? {
        guard case .object(let members) = self else { return nil }
        return members
    }

    /// The string held, if this is a string.
    public var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// The integer held, if this is an integer.
    public var intValue: Int64? {
        guard case .int(let number) = self else { return nil }
        return number
    }
}

extension JSONValue: JSONEncodable {
    /// Writes the value canonically, members of objects in ascending UTF-8 key order.
    public func encode(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let flag): writer.bool(flag)
        case .int(let number): writer.int(number)
        case .double(let number): writer.double(number)
        case .string(let text): writer.string(text)
        case .array(let elements):
            writer.beginArray()
            for element in elements { element.encode(to: &writer) }
            writer.endArray()
        case .object(let members):
            writer.beginObject()
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for key in keys {
                writer.key(key)
                members[key]!.encode(to: &writer)
            }
            writer.endObject()
        }
    }
}

extension JSONValue: JSONDecodable {
    /// Reads any JSON value into a tree.
    public init(from reader: inout JSONReader) throws(JSONError) {
        try reader.skipWhitespace()
        switch reader.base[reader.index] {
        case UInt8(ascii: "{"):
            var members: [String: JSONValue] = [:]
            try reader.readObject { key, inner throws(JSONError) in
                members[key.string] = try JSONValue(from: &inner)
            }
            self = .object(members)
        case UInt8(ascii: "["):
            var elements: [JSONValue] = []
            try reader.readArray { inner throws(JSONError) in
                elements.append(try JSONValue(from: &inner))
            }
            self = .array(elements)
        case UInt8(ascii: "\""): self = .string(try reader.readString())
        case UInt8(ascii: "t"), UInt8(ascii: "f"): self = .bool(try reader.readBool())
        case UInt8(ascii: "n"):
            try reader.expectLiteral("null")
            self = .null
        default:
            let start = reader.index
            let span = try reader.scanNumber()
            reader.index = start
            self = span.isFloat ? .double(try reader.readDouble()) : .int(try reader.readInt())
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral,
    ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    /// A string value from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer value from a literal.
    public init(integerLiteral value: Int64) { self = .int(value) }
    /// A boolean value from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A number with a fraction from a literal.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// `null` from `nil`.
    public init(nilLiteral: ()) { self = .null }
    /// An array from a literal.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// An object from a literal; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
    }
}
