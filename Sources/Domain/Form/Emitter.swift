import CanonicalJSON

/// Box 1: who hands the waste over, and where it is picked up.
public struct Emitter: Hashable, Sendable {
    /// Producer, other holder, or one of the annexe roles.
    public var type: EmitterType?
    /// The emitting company.
    public var company: FormCompany?
    /// The work site the waste comes from, when it is not the company's address.
    public var workSite: WorkSite?
    /// Free-text pickup site.
    public var pickupSite: String?
    /// Whether the emitter is a private individual (no SIRET; emission signs itself).
    public var isPrivateIndividual = false
    /// Whether the emitter is a foreign ship (identified by its OMI number).
    public var isForeignShip = false

    /// An empty emitter block.
    public init() {}
}

extension Emitter: JSONConvertible {
    /// The emitter's present fields as an object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("type", type)
        object.set("company", company)
        object.set("workSite", workSite)
        object.set("pickupSite", pickupSite)
        object.setTrue("isPrivateIndividual", isPrivateIndividual)
        object.setTrue("isForeignShip", isForeignShip)
        return object.value
    }

    /// Reads an emitter object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        type = try object.optional("type")
        company = try object.optional("company")
        workSite = try object.optional("workSite")
        pickupSite = try object.optional("pickupSite")
        isPrivateIndividual = try object.flag("isPrivateIndividual")
        isForeignShip = try object.flag("isForeignShip")
    }
}

extension Emitter: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var type: EmitterType?
        var company: FormCompany?
        var workSite: WorkSite?
        var pickupSite: String?
        var isPrivateIndividual: Bool?
        var isForeignShip: Bool?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "type" {
                type = try reader.member()
            } else if key == "company" {
                company = try reader.member()
            } else if key == "workSite" {
                workSite = try reader.member()
            } else if key == "pickupSite" {
                pickupSite = try reader.member()
            } else if key == "isPrivateIndividual" {
                isPrivateIndividual = try reader.member()
            } else if key == "isForeignShip" {
                isForeignShip = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.type = type
        self.company = company
        self.workSite = workSite
        self.pickupSite = pickupSite
        self.isPrivateIndividual = isPrivateIndividual ?? false
        self.isForeignShip = isForeignShip ?? false
    }
}

extension Emitter: JSONEncodable {
    /// Writes the object as ``jsonValue`` reads, members in canonical order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("company", company)
        writer.member("isForeignShip", ifTrue: isForeignShip)
        writer.member("isPrivateIndividual", ifTrue: isPrivateIndividual)
        writer.member("pickupSite", pickupSite)
        writer.member("type", type)
        writer.member("workSite", workSite)
        writer.endObject()
    }
}
