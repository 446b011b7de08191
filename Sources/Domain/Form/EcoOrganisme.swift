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
