import CanonicalJSON

/// A standalone transporter was deleted (`deleteFormTransporter`); its stream takes no
/// further event.
public struct FormTransporterDeleted: Hashable, Sendable, JSONConvertible {
    /// The transporter's id.
    public var transporterId: String
    /// Who deleted it.
    public var deletedBy: Actor
    /// When.
    public var at: Timestamp

    /// Makes the event.
    public init(transporterId: String, deletedBy: Actor, at: Timestamp) {
        self.transporterId = transporterId
        self.deletedBy = deletedBy
        self.at = at
    }

    /// The payload object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("transporterId", transporterId)
        object.set("deletedBy", deletedBy)
        object.set("at", at)
        return object.value
    }

    /// Reads the payload object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        transporterId = try object.required("transporterId")
        deletedBy = try object.required("deletedBy")
        at = try object.required("at")
    }
}
