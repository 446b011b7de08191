import CanonicalJSON

/// Fields of a BSD's content changed; the diff lists each changed leaf.
public struct FormUpdated: Hashable, Sendable, JSONConvertible {
    /// Which BSD, when, who.
    public var header: EventHeader
    /// The changed leaves, sorted by path.
    public var changes: [FieldChange]
    /// The draft's new readers, sorted (``FormState/draftReaderOrgIds``), when the change
    /// changed them; nil otherwise.
    public var draftReaderOrgIds: [String]?

    /// Makes the event.
    public init(header: EventHeader, changes: [FieldChange], draftReaderOrgIds: [String]? = nil) {
        self.header = header
        self.changes = changes
        self.draftReaderOrgIds = draftReaderOrgIds
    }

    /// The payload object.
    public var jsonValue: JSONValue {
        var object = header.builder()
        object.set("changes", changes)
        object.set("draftReaderOrgIds", draftReaderOrgIds)
        return object.value
    }

    /// Reads the payload object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        header = try EventHeader(object)
        changes = try object.required("changes")
        draftReaderOrgIds = try object.optional("draftReaderOrgIds")
    }
}

extension FormUpdated: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var formId: String?
        var at: Timestamp?
        var actor: Actor?
        var changes: [FieldChange]?
        var draftReaderOrgIds: [String]?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "formId" {
                formId = try reader.member()
            } else if key == "at" {
                at = try reader.member()
            } else if key == "actor" {
                actor = try reader.member()
            } else if key == "changes" {
                changes = try reader.member()
            } else if key == "draftReaderOrgIds" {
                draftReaderOrgIds = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.header = EventHeader(
            formId: try JSONReader.required(formId, "formId"),
            at: try JSONReader.required(at, "at"),
            actor: try JSONReader.required(actor, "actor"))
        self.changes = try JSONReader.required(changes, "changes")
        self.draftReaderOrgIds = draftReaderOrgIds
    }
}
