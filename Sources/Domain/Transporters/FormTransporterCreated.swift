import CanonicalJSON

/// A transporter was created on its own, before any BSD names it (multimodal API:
/// `createFormTransporter`). First event of stream `bsdd-transporter-<id>`.
public struct FormTransporterCreated: Hashable, Sendable, JSONConvertible {
    /// The transporter's id, also its stream's suffix.
    public var transporterId: String
    /// The transporter's fields; its `id` is left out of the payload (it is
    /// ``transporterId``).
    public var transporter: Transporter
    /// Who created it.
    public var createdBy: Actor
    /// When.
    public var at: Timestamp

    /// Makes the event; the transporter's own `id` is dropped in favour of `transporterId`.
    public init(transporterId: String, transporter: Transporter, createdBy: Actor, at: Timestamp) {
        self.transporterId = transporterId
        self.transporter = transporter
        self.transporter.id = nil
        self.createdBy = createdBy
        self.at = at
    }

    /// The payload object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("transporterId", transporterId)
        object.set("transporter", transporter)
        object.set("createdBy", createdBy)
        object.set("at", at)
        return object.value
    }

    /// Reads the payload object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        transporterId = try object.required("transporterId")
        transporter = try object.required("transporter")
        createdBy = try object.required("createdBy")
        at = try object.required("at")
    }
}
