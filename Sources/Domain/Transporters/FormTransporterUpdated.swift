import CanonicalJSON

/// A standalone transporter's fields were replaced (`updateFormTransporter` before the
/// transporter is on a BSD).
public struct FormTransporterUpdated: Hashable, Sendable, JSONConvertible {
    /// The transporter's id.
    public var transporterId: String
    /// All its fields after the change; the `id` is left out of the payload.
    public var transporter: Transporter
    /// Who changed it.
    public var updatedBy: Actor
    /// When.
    public var at: Timestamp

    /// Makes the event; the transporter's own `id` is dropped in favour of `transporterId`.
    public init(transporterId: String, transporter: Transporter, updatedBy: Actor, at: Timestamp) {
        self.transporterId = transporterId
        self.transporter = transporter
        self.transporter.id = nil
        self.updatedBy = updatedBy
        self.at = at
    }

    /// The payload object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("transporterId", transporterId)
        object.set("transporter", transporter)
        object.set("updatedBy", updatedBy)
        object.set("at", at)
        return object.value
    }

    /// Reads the payload object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        transporterId = try object.required("transporterId")
        transporter = try object.required("transporter")
        updatedBy = try object.required("updatedBy")
        at = try object.required("at")
    }
}
