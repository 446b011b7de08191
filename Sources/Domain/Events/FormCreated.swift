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

    /// Makes the event.
    public init(
        header: EventHeader, readableId: String, content: FormContent, isDuplicateOf: String?
    ) {
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
    }
}
