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
