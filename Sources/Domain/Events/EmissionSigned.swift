import CanonicalJSON

/// An emitter signed: the producer (box 8) or the temporary storer for the onward journey.
/// `changes` holds the waste fields completed at signature (quantity, packagings, ADR, plates).
public struct EmissionSigned: Hashable, Sendable, JSONConvertible {
    /// Which BSD, when, who.
    public var header: EventHeader
    /// The signature.
    public var signature: EmissionSignature
    /// Content fields set at signature.
    public var changes: [FieldChange]
    /// The status after the event.
    public var status: FormStatus

    /// Makes the event.
    public init(
        header: EventHeader, signature: EmissionSignature, changes: [FieldChange],
        status: FormStatus
    ) {
        self.header = header
        self.signature = signature
        self.changes = changes
        self.status = status
    }

    /// The payload object.
    public var jsonValue: JSONValue {
        var object = header.builder()
        object.set("signature", signature)
        object.setNonEmpty("changes", changes)
        object.set("status", status)
        return object.value
    }

    /// Reads the payload object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        header = try EventHeader(object)
        signature = try object.required("signature")
        changes = try object.list("changes")
        status = try object.required("status")
    }
}

extension EmissionSigned: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var formId: String?
        var at: Timestamp?
        var actor: Actor?
        var signature: EmissionSignature?
        var changes: [FieldChange]?
        var status: FormStatus?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "formId" {
                formId = try reader.member()
            } else if key == "at" {
                at = try reader.member()
            } else if key == "actor" {
                actor = try reader.member()
            } else if key == "signature" {
                signature = try reader.member()
            } else if key == "changes" {
                changes = try reader.member()
            } else if key == "status" {
                status = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.header = EventHeader(
            formId: try JSONReader.required(formId, "formId"),
            at: try JSONReader.required(at, "at"),
            actor: try JSONReader.required(actor, "actor"))
        self.signature = try JSONReader.required(signature, "signature")
        self.changes = changes ?? []
        self.status = try JSONReader.required(status, "status")
    }
}
