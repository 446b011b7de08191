import CanonicalJSON

/// One changed leaf of a BSD's content: its dotted path (`emitter.company.siret`), the value
/// before and the value after (nil when absent). Lists are leaves, compared whole.
public struct FieldChange: Hashable, Sendable {
    /// Dotted path of the leaf.
    public var path: String
    /// The previous value, nil when it was absent.
    public var from: JSONValue?
    /// The new value, nil when it is removed.
    public var to: JSONValue?

    /// Makes a change record.
    public init(path: String, from: JSONValue?, to: JSONValue?) {
        self.path = path
        self.from = from
        self.to = to
    }
}

extension FieldChange: JSONConvertible {
    /// `{"from":…, "path":…, "to":…}`, absent sides left out.
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = ["path": .string(path)]
        if let from { members["from"] = from }
        if let to { members["to"] = to }
        return .object(members)
    }

    /// Reads a change record.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        path = try object.required("path")
        from = object.members["from"]
        to = object.members["to"]
    }
}

extension FieldChange: JSONDecodable {
    /// Reads a change record straight from JSON bytes; `from` and `to` stay trees, as in
    /// ``init(jsonValue:)`` (a `null` side is kept as `.null`).
    public init(from reader: inout JSONReader) throws(JSONError) {
        var path: String?
        var from: JSONValue?
        var to: JSONValue?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "path" {
                path = try reader.member()
            } else if key == "from" {
                from = try JSONValue(from: &reader)
            } else if key == "to" {
                to = try JSONValue(from: &reader)
            } else {
                try reader.skipValue()
            }
        }
        self.path = try JSONReader.required(path, "path")
        self.from = from
        self.to = to
    }
}

extension FieldChange: JSONEncodable {
    /// Writes the change record as ``jsonValue`` does, members in canonical order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("from", from)
        writer.member("path", path)
        writer.member("to", to)
        writer.endObject()
    }
}
