import CanonicalJSON

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
