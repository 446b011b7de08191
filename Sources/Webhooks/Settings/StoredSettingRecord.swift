import CanonicalJSON

/// A setting's creation as `WebhookSettingCreated` stores it: the ``WebhookSettingRecord``
/// with its token and secret in stored form (sealed from schema version 2 on).
public struct StoredSettingRecord: Equatable, Sendable {
    /// The setting's id (UUID v7 text).
    public var id: String
    /// The company it belongs to.
    public var orgId: String
    /// Where deliveries go.
    public var endpointUri: String
    /// The integrator's bearer token.
    public var token: StoredSecret
    /// The Standard Webhooks secret.
    public var secret: StoredSecret
    /// Whether deliveries go out.
    public var activated: Bool
    /// The body's form.
    public var payload: WebhookPayloadKind

    /// `record` with its token and secret sealed under `key`.
    public init(sealing record: WebhookSettingRecord, with key: SealingKey) {
        id = record.id
        orgId = record.orgId
        endpointUri = record.endpointUri
        token = .sealed(key.seal(record.token))
        secret = .sealed(key.seal(record.secret))
        activated = record.activated
        payload = record.payload
    }

    /// Reads the record from a `WebhookSettingCreated` payload of `schemaVersion`.
    init?(created value: JSONValue, schemaVersion: UInt16) {
        guard let id = value["settingId"]?.stringValue, let orgId = value["orgId"]?.stringValue,
            let uri = value["endpointUri"]?.stringValue,
            let token = value["token"].flatMap({
                StoredSecret(json: $0, schemaVersion: schemaVersion)
            }),
            let secret = value["secret"].flatMap({
                StoredSecret(json: $0, schemaVersion: schemaVersion)
            }),
            case .bool(let activated)? = value["activated"],
            let payload = value["payload"]?.stringValue.flatMap(WebhookPayloadKind.init(rawValue:))
        else { return nil }
        self.id = id
        self.orgId = orgId
        endpointUri = uri
        self.token = token
        self.secret = secret
        self.activated = activated
        self.payload = payload
    }

    /// The payload's members describing the record.
    var members: [String: JSONValue] {
        [
            "settingId": .string(id), "orgId": .string(orgId), "endpointUri": .string(endpointUri),
            "token": token.json, "secret": secret.json, "activated": .bool(activated),
            "payload": .string(payload.rawValue),
        ]
    }

    /// The record in clear, its token and secret opened with `key`.
    /// - Throws: ``WebhookError/sealingKey(path:reason:)`` when one does not open.
    func opened(with key: SealingKey) throws(WebhookError) -> WebhookSettingRecord {
        WebhookSettingRecord(
            id: id, orgId: orgId, endpointUri: endpointUri, token: try token.open(with: key),
            secret: try secret.open(with: key), activated: activated, payload: payload)
    }
}
