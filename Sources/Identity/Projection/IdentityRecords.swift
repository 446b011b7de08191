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

/// A company as the projection keeps it.
public struct CompanyRecord: Equatable, Sendable {
    /// Its profile.
    public var profile: CompanyProfile
    /// The 4-digit security code.
    public var securityCode: String
    /// The linked transporter receipt, if any.
    public var transporterReceipt: TransporterReceipt?
    /// When it was created (µs).
    public var createdAt: Int64
}

/// A user's role in one company.
public struct Membership: Equatable, Sendable {
    /// The member.
    public var userId: String
    /// The company.
    public var orgId: String
    /// The role.
    public var role: Role

    /// Makes a membership.
    public init(userId: String, orgId: String, role: Role) {
        self.userId = userId
        self.orgId = orgId
        self.role = role
    }
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

extension CompanyRecord {
    var json: [UInt8] {
        CanonicalJSON.encode(
            [
                "profile": profile.jsonValue, "securityCode": .string(securityCode),
                "transporterReceipt": transporterReceipt?.jsonValue ?? .null,
                "createdAt": .int(createdAt),
            ] as JSONValue)
    }

    init(json bytes: [UInt8]) throws(JSONError) {
        let json = try Fields(bytes: bytes)
        self.init(
            profile: try CompanyProfile(json: try json.object("profile")),
            securityCode: try json.string("securityCode"),
            transporterReceipt: json.has("transporterReceipt")
                ? try TransporterReceipt(json: try json.object("transporterReceipt")) : nil,
            createdAt: try json.int("createdAt"))
    }
}
