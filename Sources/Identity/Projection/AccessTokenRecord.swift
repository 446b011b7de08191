import CanonicalJSON

/// A personal access token as the projection keeps it, found by its keyed hash.
public struct AccessTokenRecord: Equatable, Sendable {
    /// The token's id.
    public var tokenId: String
    /// Its owner.
    public var userId: String
    /// What the user called it.
    public var description: String
    /// When it was created (µs).
    public var createdAt: Int64
    /// Whether it was revoked.
    public var revoked: Bool
    /// The start of the last hour it was used in (µs), if ever.
    public var lastUsedAt: Int64?
}

extension AccessTokenRecord {
    var json: [UInt8] {
        CanonicalJSON.encode(
            [
                "tokenId": .string(tokenId), "userId": .string(userId),
                "description": .string(description), "createdAt": .int(createdAt),
                "revoked": .bool(revoked), "lastUsedAt": lastUsedAt.map(JSONValue.int) ?? .null,
            ] as JSONValue)
    }

    init(json bytes: [UInt8]) throws(JSONError) {
        let json = try Fields(bytes: bytes)
        self.init(
            tokenId: try json.string("tokenId"), userId: try json.string("userId"),
            description: try json.string("description"), createdAt: try json.int("createdAt"),
            revoked: try json.bool("revoked"), lastUsedAt: try json.optionalInt("lastUsedAt"))
    }
}
