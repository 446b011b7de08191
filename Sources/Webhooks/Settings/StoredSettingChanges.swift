import CanonicalJSON

/// An update as `WebhookSettingUpdated` stores it: the ``WebhookSettingChanges`` with a new
/// token in stored form (sealed from schema version 2 on).
public struct StoredSettingChanges: Equatable, Sendable {
    /// A new endpoint.
    public var endpointUri: String?
    /// A new bearer token.
    public var token: StoredSecret?
    /// Turns deliveries on or off.
    public var activated: Bool?
    /// A new body form.
    public var payload: WebhookPayloadKind?

    /// `changes` with a new token sealed under `key`.
    public init(sealing changes: WebhookSettingChanges, with key: SealingKey) {
        endpointUri = changes.endpointUri
        token = changes.token.map { .sealed(key.seal($0)) }
        activated = changes.activated
        payload = changes.payload
    }

    /// Reads the `changes` member of a payload of `schemaVersion`; nil when a token is there
    /// but not in that version's shape.
    init?(json: JSONValue, schemaVersion: UInt16) {
        if let member = json["token"] {
            guard let token = StoredSecret(json: member, schemaVersion: schemaVersion) else {
                return nil
            }
            self.token = token
        }
        endpointUri = json["endpointUri"]?.stringValue
        if case .bool(let value)? = json["activated"] { activated = value }
        payload = json["payload"]?.stringValue.flatMap(WebhookPayloadKind.init(rawValue:))
    }

    /// The `changes` member: only the fields that change.
    var jsonValue: JSONValue {
        var members: [String: JSONValue] = [:]
        if let endpointUri { members["endpointUri"] = .string(endpointUri) }
        if let token { members["token"] = token.json }
        if let activated { members["activated"] = .bool(activated) }
        if let payload { members["payload"] = .string(payload.rawValue) }
        return .object(members)
    }
}
