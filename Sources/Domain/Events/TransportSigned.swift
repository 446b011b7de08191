import CanonicalJSON

/// A transporter took the waste over: transporter N of the chain, or the onward transporter
/// after temporary storage. For an annexe-1 item it is repeated on the container.
public struct TransportSigned: Hashable, Sendable, JSONConvertible {
    /// Which part of the journey a take-over belongs to.
    public enum Leg: String, Sendable, JSONStringEnum {
        /// The journey from the emitter.
        case initial = "INITIAL"
        /// The journey from the temporary storage site.
        case onward = "ONWARD"
    }

    /// Which BSD, when, who.
    public var header: EventHeader
    /// The signature, with the transporter's number.
    public var signature: TransportSignature
    /// Which part of the journey.
    public var leg: Leg
    /// Content fields set at signature (plates, mode).
    public var changes: [FieldChange]
    /// The status after the event.
    public var status: FormStatus
    /// The annexe-1 item whose pickup this repeats on its container.
    public var cascadedFrom: String?

    /// Makes the event.
    public init(
        header: EventHeader, signature: TransportSignature, leg: Leg, changes: [FieldChange],
        status: FormStatus, cascadedFrom: String? = nil
    ) {
        self.header = header
        self.signature = signature
        self.leg = leg
        self.changes = changes
        self.status = status
        self.cascadedFrom = cascadedFrom
    }

    /// The payload object.
    public var jsonValue: JSONValue {
        var object = header.builder()
        object.set("signature", signature)
        object.set("leg", leg)
        object.setNonEmpty("changes", changes)
        object.set("status", status)
        object.set("cascadedFrom", cascadedFrom)
        return object.value
    }

    /// Reads the payload object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        header = try EventHeader(object)
        signature = try object.required("signature")
        leg = try object.required("leg")
        changes = try object.list("changes")
        status = try object.required("status")
        cascadedFrom = try object.optional("cascadedFrom")
    }
}

extension TransportSigned: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var formId: String?
        var at: Timestamp?
        var actor: Actor?
        var signature: TransportSignature?
        var leg: Leg?
        var changes: [FieldChange]?
        var status: FormStatus?
        var cascadedFrom: String?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "formId" {
                formId = try reader.member()
            } else if key == "at" {
                at = try reader.member()
            } else if key == "actor" {
                actor = try reader.member()
            } else if key == "signature" {
                signature = try reader.member()
            } else if key == "leg" {
                leg = try reader.member()
            } else if key == "changes" {
                changes = try reader.member()
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
        self.signature = try JSONReader.required(signature, "signature")
        self.leg = try JSONReader.required(leg, "leg")
        self.changes = changes ?? []
        self.status = try JSONReader.required(status, "status")
        self.cascadedFrom = cascadedFrom
    }
}
