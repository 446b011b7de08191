import CanonicalJSON

/// A link from a BSD to another one: an annexe-2 initial BSD and the quantity taken from it,
/// or an annexe-1 item of a collection round (no quantity).
public struct GroupingFraction: Hashable, Sendable {
    /// The opaque id of the linked BSD.
    public var formId: String
    /// The quantity taken from it (annexe 2 only).
    public var quantity: Weight?

    /// Makes a link.
    public init(formId: String, quantity: Weight? = nil) {
        self.formId = formId
        self.quantity = quantity
    }
}

extension GroupingFraction: JSONConvertible {
    /// `{"formId":…, "quantity":…}`.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("formId", formId)
        object.set("quantity", quantity)
        return object.value
    }

    /// Reads a link object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        formId = try object.required("formId")
        quantity = try object.optional("quantity")
    }
}

extension GroupingFraction: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var formId: String?
        var quantity: Weight?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "formId" {
                formId = try reader.member()
            } else if key == "quantity" {
                quantity = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.formId = try JSONReader.required(formId, "formId")
        self.quantity = quantity
    }
}

extension GroupingFraction: JSONEncodable {
    /// Writes the object as ``jsonValue`` reads, members in canonical order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("formId", formId)
        writer.member("quantity", quantity)
        writer.endObject()
    }
}
