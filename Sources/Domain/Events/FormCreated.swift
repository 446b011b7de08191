import CanonicalJSON

/// A BSD was created as a draft (also by duplication).
public struct FormCreated: Hashable, Sendable, JSONConvertible {
    /// Which BSD, when, who.
    public var header: EventHeader
    /// The readable id reserved in the same decision.
    public var readableId: String
    /// The initial content, normalised.
    public var content: FormContent
    /// The readable id of the source BSD, for a duplicate.
    public var isDuplicateOf: String?
    /// The companies that may read the draft, sorted (``FormState/draftReaderOrgIds``);
    /// nil when the decision did not know its author's companies.
    public var draftReaderOrgIds: [String]?

    /// Makes the event.
    public init(
        header: EventHeader, readableId: String, content: FormContent, isDuplicateOf: String?,
        draftReaderOrgIds: [String]? = nil
    ) {
        self.draftReaderOrgIds = draftReaderOrgIds
        self.header = header
        self.readableId = readableId
        self.content = content
        self.isDuplicateOf = isDuplicateOf
    }

    /// The payload object.
    public var jsonValue: JSONValue {
        var object = header.builder()
        object.set("readableId", readableId)
        object.set("content", content)
        object.set("isDuplicateOf", isDuplicateOf)
        object.set("draftReaderOrgIds", draftReaderOrgIds)
        object.set("status", FormStatus.draft)
        return object.value
    }

    /// Reads the payload object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        header = try EventHeader(object)
        readableId = try object.required("readableId")
        content = try object.required("content")
        isDuplicateOf = try object.optional("isDuplicateOf")
        draftReaderOrgIds = try object.optional("draftReaderOrgIds")
    }
}

extension FormCreated: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var formId: String?
        var at: Timestamp?
        var actor: Actor?
        var readableId: String?
        var content: FormContent?
        var isDuplicateOf: String?
        var draftReaderOrgIds: [String]?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "formId" {
                formId = try reader.member()
            } else if key == "at" {
                at = try reader.member()
            } else if key == "actor" {
                actor = try reader.member()
            } else if key == "readableId" {
                readableId = try reader.member()
            } else if key == "content" {
                content = try reader.member()
            } else if key == "isDuplicateOf" {
                isDuplicateOf = try reader.member()
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
        self.readableId = try JSONReader.required(readableId, "readableId")
        self.content = try JSONReader.required(content, "content")
        self.isDuplicateOf = isDuplicateOf
        self.draftReaderOrgIds = draftReaderOrgIds
    }
}
