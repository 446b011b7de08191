import CanonicalJSON

/// Who performs a command: the authenticated user and the company they act for.
public struct Actor: Hashable, Sendable {
    /// The user's opaque id.
    public var userId: String
    /// The SIRET or VAT number of the company the user acts for, when known.
    public var companyOrgId: String?

    /// Makes an actor.
    public init(userId: String, companyOrgId: String? = nil) {
        self.userId = userId
        self.companyOrgId = companyOrgId
    }
}

extension Actor: JSONConvertible {
    /// `{"companyOrgId":…, "userId":…}`.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.set("userId", userId)
        object.set("companyOrgId", companyOrgId)
        return object.value
    }

    /// Reads an actor object.
    public init(jsonValue: JSONValue) throws(JSONError) {
        let object = try JSONObjectReader(jsonValue)
        userId = try object.required("userId")
        companyOrgId = try object.optional("companyOrgId")
    }
}
