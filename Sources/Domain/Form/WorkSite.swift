import CanonicalJSON

/// A work site where waste is produced.
public struct WorkSite: Hashable, Sendable {
    /// Site name.
    public var name: String?
    /// Street address.
    public var address: String?
    /// City.
    public var city: String?
    /// Postal code.
    public var postalCode: String?
    /// Free-text details.
    public var infos: String?

    /// An empty work site.
    public init() {}
}

extension WorkSite: JSONConvertible {
    /// The site's present fields as an object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("name", name)
        object.set("address", address)
        object.set("city", city)
        object.set("postalCode", postalCode)
        object.set("infos", infos)
        return object.value
    }

    /// Reads a work-site object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        name = try object.optional("name")
        address = try object.optional("address")
        city = try object.optional("city")
        postalCode = try object.optional("postalCode")
        infos = try object.optional("infos")
    }
}
