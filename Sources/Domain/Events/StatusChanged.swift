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
