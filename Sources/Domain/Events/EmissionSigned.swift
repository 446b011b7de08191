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
