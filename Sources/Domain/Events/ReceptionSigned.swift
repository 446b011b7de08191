import CanonicalJSON

/// The payload of reception and acceptance events, at the destination (FormReceived,
/// FormAccepted) or at the temporary storer (FormTempStored, FormTempStorerAccepted).
public struct ReceptionSigned: Hashable, Sendable, JSONConvertible {
    /// Which BSD, when, who.
    public var header: EventHeader
    /// The reception fields recorded by this step.
    public var reception: Reception
    /// The status after the event.
    public var status: FormStatus
    /// The annexe-1 container whose reception cascades to this item.
    public var cascadedFrom: String?

    /// Makes the payload.
    public init(
        header: EventHeader, reception: Reception, status: FormStatus, cascadedFrom: String? = nil
    ) {
        self.header = header
        self.reception = reception
        self.status = status
        self.cascadedFrom = cascadedFrom
    }

    /// The payload object.
    public var jsonValue: JSONValue {
        var object = header.builder()
        object.set("reception", reception)
        object.set("status", status)
        object.set("cascadedFrom", cascadedFrom)
        return object.value
    }

    /// Reads the payload object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        header = try EventHeader(object)
        reception = try object.required("reception")
        status = try object.required("status")
        cascadedFrom = try object.optional("cascadedFrom")
    }
}

extension ReceptionSigned: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var formId: String?
        var at: Timestamp?
        var actor: Actor?
        var reception: Reception?
        var status: FormStatus?
        var cascadedFrom: String?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "formId" {
                formId = try reader.member()
            } else if key == "at" {
                at = try reader.member()
            } else if key == "actor" {
                actor = try reader.member()
            } else if key == "reception" {
                reception = try reader.member()
            } else if key == "status" {
                status = try reader.member()
            } else if key == "cascadedFrom" {
                cascadedFrom = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.header = EventHeader(
            formId: try JSONReader.required(formId, "formId"),
            at: try JSONReader.required(at, "at"),
            actor: try JSONReader.required(actor, "actor"))
        self.reception = try JSONReader.required(reception, "reception")
        self.status = try JSONReader.required(status, "status")
        self.cascadedFrom = cascadedFrom
    }
}
