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
