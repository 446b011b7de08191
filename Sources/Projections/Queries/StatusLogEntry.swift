import CanonicalJSON
import Domain

/// One entry of a BSD's status log, as `formsLifeCycle` returns it: written at creation and
/// on every status change.
public struct StatusLogEntry: Hashable, Sendable {
    /// The ledger position of the event that changed the status; unique, the entry's id.
    public var id: UInt64
    /// The BSD's id.
    public var formId: String
    /// The BSD's readable id.
    public var readableId: String
    /// The status reached.
    public var status: FormStatus
    /// When it was reached (µs since the epoch).
    public var loggedAt: Int64
    /// The content fields the event changed.
    public var updatedFields: [FieldChange]
    /// The acting user, when known.
    public var userId: String?

    /// Makes an entry.
    public init(
        id: UInt64, formId: String, readableId: String, status: FormStatus, loggedAt: Int64,
        updatedFields: [FieldChange], userId: String?
    ) {
        self.id = id
        self.formId = formId
        self.readableId = readableId
        self.status = status
        self.loggedAt = loggedAt
        self.updatedFields = updatedFields
        self.userId = userId
    }
}

extension StatusLogEntry: JSONConvertible {
    /// The entry as stored.
    public var jsonValue: JSONValue {
        var object = JSONFields()
        object.set("id", Int(id))
        object.set("formId", formId)
        object.set("readableId", readableId)
        object.set("status", status)
        object.set("loggedAt", Timestamp(microseconds: loggedAt))
        object.set("updatedFields", updatedFields)
        object.set("userId", userId)
        return object.value
    }

    /// Reads a stored entry.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONFields(jsonValue)
        id = UInt64(try object.required("id") as Int)
        formId = try object.required("formId")
        readableId = try object.required("readableId")
        status = try object.required("status")
        loggedAt = (try object.required("loggedAt") as Timestamp).microseconds
        updatedFields = try object.list("updatedFields")
        userId = try object.optional("userId")
    }
}

extension StatusLogEntry: JSONEncodable {
    /// Writes the entry as ``jsonValue`` does, members in canonical order, with no tree.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("formId", formId)
        writer.member("id", Int64(id))
        writer.member("loggedAt", loggedAt)
        writer.member("readableId", readableId)
        writer.member("status", status)
        writer.member("updatedFields", nonEmpty: updatedFields)
        writer.member("userId", userId)
        writer.endObject()
    }
}
