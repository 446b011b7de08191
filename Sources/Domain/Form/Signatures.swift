import CanonicalJSON

/// The emission signature (box 8 or, for the onward journey, box 19).
public struct EmissionSignature: Hashable, Sendable {
    /// When the emitter signed.
    public var emittedAt: Timestamp
    /// Who signed, as written on the BSD.
    public var emittedBy: String
    /// Whether the eco-organisme signed instead of the emitter.
    public var byEcoOrganisme = false
    /// Whether the platform signed automatically (private individual, foreign ship, annexe 1).
    public var isAutomatic = false

    /// Makes an emission signature.
    public init(emittedAt: Timestamp, emittedBy: String) {
        self.emittedAt = emittedAt
        self.emittedBy = emittedBy
    }
}

/// A transporter's take-over signature.
public struct TransportSignature: Hashable, Sendable {
    /// The transporter's position in the chain, from 1.
    public var number: Int
    /// When the waste was taken over.
    public var takenOverAt: Timestamp
    /// Who took it over.
    public var takenOverBy: String

    /// Makes a take-over signature.
    public init(number: Int, takenOverAt: Timestamp, takenOverBy: String) {
        self.number = number
        self.takenOverAt = takenOverAt
        self.takenOverBy = takenOverBy
    }
}

extension EmissionSignature: JSONConvertible {
    /// The signature as an object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("emittedAt", emittedAt)
        object.set("emittedBy", emittedBy)
        object.setTrue("byEcoOrganisme", byEcoOrganisme)
        object.setTrue("isAutomatic", isAutomatic)
        return object.value
    }

    /// Reads a signature object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        emittedAt = try object.required("emittedAt")
        emittedBy = try object.required("emittedBy")
        byEcoOrganisme = try object.flag("byEcoOrganisme")
        isAutomatic = try object.flag("isAutomatic")
    }
}

extension TransportSignature: JSONConvertible {
    /// The signature as an object.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("number", number)
        object.set("takenOverAt", takenOverAt)
        object.set("takenOverBy", takenOverBy)
        return object.value
    }

    /// Reads a signature object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        number = try object.required("number")
        takenOverAt = try object.required("takenOverAt")
        takenOverBy = try object.required("takenOverBy")
    }
}
