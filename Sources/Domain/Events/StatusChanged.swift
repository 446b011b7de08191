import CanonicalJSON

/// The payload of events that only move a BSD to a status (sealed, resent, cancelled,
/// deleted): header, resulting status and an optional reason.
public struct StatusChanged: Hashable, Sendable, JSONConvertible {
    /// Which BSD, when, who.
    public var header: EventHeader
    /// The status after the event.
    public var status: FormStatus
    /// Why, for a cancellation.
    public var reason: String?

    /// Makes the payload.
    public init(header: EventHeader, status: FormStatus, reason: String? = nil) {
        self.header = header
        self.status = status
        self.reason = reason
    }

    /// The payload object.
    public var jsonValue: JSONValue {
        var object = header.builder()
        object.set("status", status)
        object.set("reason", reason)
        return object.value
    }

    /// Reads the payload object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        header = try EventHeader(object)
        status = try object.required("status")
        reason = try object.optional("reason")
    }
}

extension StatusChanged: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var formId: String?
        var at: Timestamp?
        var actor: Actor?
        var status: FormStatus?
        var reason: String?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "formId" {
                formId = try reader.member()
            } else if key == "at" {
                at = try reader.member()
            } else if key == "actor" {
                actor = try reader.member()
            } else if key == "status" {
                status = try reader.member()
            } else if key == "reason" {
                reason = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.header = EventHeader(
            formId: try JSONReader.required(formId, "formId"),
            at: try JSONReader.required(at, "at"),
            actor: try JSONReader.required(actor, "actor"))
        self.status = try JSONReader.required(status, "status")
        self.reason = reason
    }
}
