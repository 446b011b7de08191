import CanonicalJSON

/// Fields of a BSD's content changed; the diff lists each changed leaf.
public struct FormUpdated: Hashable, Sendable, JSONConvertible {
    /// Which BSD, when, who.
    public var header: EventHeader
    /// The changed leaves, sorted by path.
    public var changes: [FieldChange]

    /// Makes the event.
    public init(header: EventHeader, changes: [FieldChange]) {
        self.header = header
        self.changes = changes
    }

    /// The payload object.
    public var jsonValue: JSONValue {
        var object = header.builder()
        object.set("changes", changes)
        return object.value
    }

    /// Reads the payload object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        header = try EventHeader(object)
        changes = try object.required("changes")
    }
}
