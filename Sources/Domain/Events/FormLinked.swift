import CanonicalJSON

/// The payload of events that link a BSD to another one: grouped into a regroupement
/// (annexe 2), processed through it, or attached to an annexe-1 container.
public struct FormLinked: Hashable, Sendable, JSONConvertible {
    /// Which BSD (the initial BSD or the annexe-1 item), when, who.
    public var header: EventHeader
    /// The regroupement BSD or the container.
    public var otherFormId: String
    /// The quantity grouped, for annexe 2.
    public var quantity: Weight?
    /// The status after the event, when it changes.
    public var status: FormStatus?

    /// Makes the payload.
    public init(
        header: EventHeader, otherFormId: String, quantity: Weight? = nil,
        status: FormStatus? = nil
    ) {
        self.header = header
        self.otherFormId = otherFormId
        self.quantity = quantity
        self.status = status
    }

    /// The payload object.
    public var jsonValue: JSONValue {
        var object = header.builder()
        object.set("otherFormId", otherFormId)
        object.set("quantity", quantity)
        object.set("status", status)
        return object.value
    }

    /// Reads the payload object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        header = try EventHeader(object)
        otherFormId = try object.required("otherFormId")
        quantity = try object.optional("quantity")
        status = try object.optional("status")
    }
}

extension FormLinked: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var formId: String?
        var at: Timestamp?
        var actor: Actor?
        var otherFormId: String?
        var quantity: Weight?
        var status: FormStatus?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "formId" {
                formId = try reader.member()
            } else if key == "at" {
                at = try reader.member()
            } else if key == "actor" {
                actor = try reader.member()
            } else if key == "otherFormId" {
                otherFormId = try reader.member()
            } else if key == "quantity" {
                quantity = try reader.member()
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
        self.otherFormId = try JSONReader.required(otherFormId, "otherFormId")
        self.quantity = quantity
        self.status = status
    }
}
