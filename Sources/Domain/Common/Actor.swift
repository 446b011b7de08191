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

extension Actor: JSONDecodable {
    /// Reads the object straight from JSON bytes, with the rules of ``init(jsonValue:)``.
    public init(from reader: inout JSONReader) throws(JSONError) {
        var userId: String?
        var companyOrgId: String?
        try reader.readObject { key, reader throws(JSONError) in
            if key == "userId" {
                userId = try reader.member()
            } else if key == "companyOrgId" {
                companyOrgId = try reader.member()
            } else {
                try reader.skipValue()
            }
        }
        self.userId = try JSONReader.required(userId, "userId")
        self.companyOrgId = companyOrgId
    }
}

extension Actor: JSONEncodable {
    /// Writes the object as ``jsonValue`` reads, members in canonical order.
    public func encode(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("companyOrgId", companyOrgId)
        writer.member("userId", userId)
        writer.endObject()
    }
}
