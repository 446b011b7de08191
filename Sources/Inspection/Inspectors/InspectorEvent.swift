import CanonicalJSON

/// What happens to inspector accounts, stored in the ledger's `inspectors` stream: a grant
/// (also used to change networks or companies: the last grant wins) and a revocation.
/// An inspector is a user account (`user-<id>`) plus these events.
public enum InspectorEvent: Equatable, Sendable {
    /// `userId` may inspect from `networks` (CIDR text), the companies of `orgIds` or every
    /// company when it is nil.
    case granted(
        userId: String, email: String, name: String, networks: [String], orgIds: [String]?,
        at: Int64)
    /// `userId` is no longer an inspector.
    case revoked(userId: String, at: Int64)

    /// The one stream holding every inspector's events: inspectors are few, so folding it
    /// is cheap, and appending at its exact version serialises grants and revocations.
    public static let stream = "inspectors"
    /// The schema version written today.
    public static let schemaVersion: UInt16 = 1
    /// The event types, as stored.
    public static let types = ["InspectorGranted", "InspectorRevoked"]

    /// The ledger type name.
    public var type: String {
        switch self {
        case .granted: "InspectorGranted"
        case .revoked: "InspectorRevoked"
        }
    }

    /// The payload as a JSON tree.
    public var payload: JSONValue {
        switch self {
        case .granted(let userId, let email, let name, let networks, let orgIds, let at):
            var members: [String: JSONValue] = [
                "userId": .string(userId), "email": .string(email), "name": .string(name),
                "networks": .array(networks.map(JSONValue.string)), "at": .int(at),
            ]
            if let orgIds { members["orgIds"] = .array(orgIds.map(JSONValue.string)) }
            return .object(members)
        case .revoked(let userId, let at):
            return ["userId": .string(userId), "at": .int(at)]
        }
    }

    /// Reads an event from its type, version and payload bytes.
    /// - Throws: ``PayloadError`` naming the member at fault, or the unknown type.
    public static func decode(
        type: String, schemaVersion: UInt16, payload: [UInt8]
    ) throws(PayloadError) -> InspectorEvent {
        guard schemaVersion == Self.schemaVersion else {
            throw PayloadError(member: "schemaVersion")
        }
        let json = try PayloadReader(bytes: payload)
        switch type {
        case "InspectorGranted":
            return .granted(
                userId: try json.string("userId"), email: try json.string("email"),
                name: try json.string("name"), networks: try json.strings("networks"),
                orgIds: json.has("orgIds") ? try json.strings("orgIds") : nil,
                at: try json.int("at"))
        case "InspectorRevoked":
            return .revoked(userId: try json.string("userId"), at: try json.int("at"))
        default:
            throw PayloadError(member: "type")
        }
    }
}
