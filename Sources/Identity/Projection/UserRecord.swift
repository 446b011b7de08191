import CanonicalJSON

/// An account as the projection keeps it.
public struct UserRecord: Equatable, Sendable {
    /// The user's id.
    public var userId: String
    /// The normalised email.
    public var email: String
    /// The display name.
    public var name: String
    /// The encoded argon2id hash.
    public var passwordHash: String
    /// When the account was created (µs).
    public var createdAt: Int64
}

extension UserRecord {
    var json: [UInt8] {
        CanonicalJSON.encode(
            [
                "userId": .string(userId), "email": .string(email), "name": .string(name),
                "passwordHash": .string(passwordHash), "createdAt": .int(createdAt),
            ] as JSONValue)
    }

    init(json bytes: [UInt8]) throws(JSONError) {
        let json = try Fields(bytes: bytes)
        self.init(
            userId: try json.string("userId"), email: try json.string("email"),
            name: try json.string("name"), passwordHash: try json.string("passwordHash"),
            createdAt: try json.int("createdAt"))
    }
}
