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

extension WorkSite: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var name: String?
        var address: String?
        var city: String?
        var postalCode: String?
        var infos: String?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "name" {
                name = try reader.member()
            } else if key == "address" {
                address = try reader.member()
            } else if key == "city" {
                city = try reader.member()
            } else if key == "postalCode" {
                postalCode = try reader.member()
            } else if key == "infos" {
                infos = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.name = name
        self.address = address
        self.city = city
        self.postalCode = postalCode
        self.infos = infos
    }
}

extension WorkSite: JSONEncodable {
    /// Writes the object as ``jsonValue`` reads, members in canonical order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("address", address)
        writer.member("city", city)
        writer.member("infos", infos)
        writer.member("name", name)
        writer.member("postalCode", postalCode)
        writer.endObject()
    }
}
