import CanonicalJSON

/// The eco-organisme responsible for the waste, which may sign emission instead of the
/// emitter.
public struct EcoOrganisme: Hashable, Sendable {
    /// Name.
    public var name: String?
    /// SIRET.
    public var siret: String?

    /// Makes an eco-organisme block.
    public init(name: String? = nil, siret: String? = nil) {
        self.name = name
        self.siret = siret
    }
}

extension EcoOrganisme: JSONConvertible {
    /// The present fields as an object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("name", name)
        object.set("siret", siret)
        return object.value
    }

    /// Reads an eco-organisme object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        name = try object.optional("name")
        siret = try object.optional("siret")
    }
}

extension EcoOrganisme: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var name: String?
        var siret: String?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "name" {
                name = try reader.member()
            } else if key == "siret" {
                siret = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.name = name
        self.siret = siret
    }
}

extension EcoOrganisme: JSONEncodable {
    /// Writes the object as ``jsonValue`` reads, members in canonical order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("name", name)
        writer.member("siret", siret)
        writer.endObject()
    }
}
