import CanonicalJSON

/// One read by an inspector, as recorded on the stream of a company whose data it looked
/// at (`controls-<orgId>`, event `ControlRecorded`): who, from where, what and when. A read
/// that concerns several companies is one event on each of their streams, with one
/// `controlId`, appended together.
public struct ControlRecord: Equatable, Sendable {
    /// Shared by the events of one read.
    public var controlId: String
    /// The company this record is for.
    public var orgId: String
    /// The inspector's user id and email.
    public var inspectorId: String
    /// The inspector's email when the read happened.
    public var inspectorEmail: String
    /// The GraphQL field (or download) that read: `form`, `controlFile`, ...
    public var operation: String
    /// The BSD read, when the read was about one BSD.
    public var formId: String?
    /// Its readable id.
    public var readableId: String?
    /// The period asked for, in µs (`[from, to)`), when the read covered one.
    public var from: Int64?
    /// The end of the period, excluded.
    public var to: Int64?
    /// The peer's address as the server saw it.
    public var remoteAddress: String
    /// The request id, also in the server's log.
    public var requestId: String
    /// When the read happened (µs).
    public var at: Int64

    /// The stored event type.
    public static let type = "ControlRecorded"
    /// The schema version written today.
    public static let schemaVersion: UInt16 = 1

    /// The stream of company `orgId`'s control records.
    public static func stream(orgId: String) -> String { "controls-" + orgId }

    /// Makes a record.
    public init(
        controlId: String, orgId: String, inspectorId: String, inspectorEmail: String,
        operation: String, remoteAddress: String, requestId: String, at: Int64
    ) {
        self.controlId = controlId
        self.orgId = orgId
        self.inspectorId = inspectorId
        self.inspectorEmail = inspectorEmail
        self.operation = operation
        self.remoteAddress = remoteAddress
        self.requestId = requestId
        self.at = at
    }

    /// The payload as a JSON tree; absent members are left out.
    public var payload: JSONValue {
        var members: [String: JSONValue] = [
            "controlId": .string(controlId), "orgId": .string(orgId),
            "inspectorId": .string(inspectorId), "inspectorEmail": .string(inspectorEmail),
            "operation": .string(operation), "remoteAddress": .string(remoteAddress),
            "requestId": .string(requestId), "at": .int(at),
        ]
        if let formId { members["formId"] = .string(formId) }
        if let readableId { members["readableId"] = .string(readableId) }
        if let from { members["from"] = .int(from) }
        if let to { members["to"] = .int(to) }
        return .object(members)
    }

    /// Reads a record from its payload bytes.
    /// - Throws: ``PayloadError`` naming the member at fault.
    public init(payload bytes: [UInt8]) throws(PayloadError) {
        let json = try PayloadReader(bytes: bytes)
        self.init(
            controlId: try json.string("controlId"), orgId: try json.string("orgId"),
            inspectorId: try json.string("inspectorId"),
            inspectorEmail: try json.string("inspectorEmail"),
            operation: try json.string("operation"),
            remoteAddress: try json.string("remoteAddress"),
            requestId: try json.string("requestId"), at: try json.int("at"))
        formId = try json.optionalString("formId")
        readableId = try json.optionalString("readableId")
        from = try json.optionalInt("from")
        to = try json.optionalInt("to")
    }
}
