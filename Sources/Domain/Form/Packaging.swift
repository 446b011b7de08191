import CanonicalJSON

/// One packaging line: a type and how many of it.
public struct Packaging: Hashable, Sendable {
    /// The packaging type.
    public var type: PackagingType
    /// Description, required iff the type is `AUTRE`.
    public var other: String?
    /// Number of packages, an integer ≥ 1.
    public var quantity: Int
    /// Volume of one package in litres, > 0 when given.
    public var volume: Int?
    /// Identification numbers of the packages.
    public var identificationNumbers: [String] = []

    /// Makes a packaging line.
    public init(type: PackagingType, quantity: Int, other: String? = nil) {
        self.type = type
        self.quantity = quantity
        self.other = other
    }
}

extension Packaging: JSONConvertible {
    /// The packaging line as an object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("type", type)
        object.set("other", other)
        object.set("quantity", quantity)
        object.set("volume", volume)
        object.setNonEmpty("identificationNumbers", identificationNumbers)
        return object.value
    }

    /// Reads a packaging object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        type = try object.required("type")
        other = try object.optional("other")
        quantity = try object.required("quantity")
        volume = try object.optional("volume")
        identificationNumbers = try object.list("identificationNumbers")
    }
}

extension Packaging: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var type: PackagingType?
        var other: String?
        var quantity: Int?
        var volume: Int?
        var identificationNumbers: [String]?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "type" {
                type = try reader.member()
            } else if key == "other" {
                other = try reader.member()
            } else if key == "quantity" {
                quantity = try reader.member()
            } else if key == "volume" {
                volume = try reader.member()
            } else if key == "identificationNumbers" {
                identificationNumbers = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.type = try JSONReader.required(type, "type")
        self.other = other
        self.quantity = try JSONReader.required(quantity, "quantity")
        self.volume = volume
        self.identificationNumbers = identificationNumbers ?? []
    }
}

extension Packaging: JSONEncodable {
    /// Writes the object as ``jsonValue`` reads, members in canonical order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("identificationNumbers", nonEmpty: identificationNumbers)
        writer.member("other", other)
        writer.member("quantity", quantity)
        writer.member("type", type)
        writer.member("volume", volume)
        writer.endObject()
    }
}
