import CanonicalJSON

/// The body sent for each event.
public enum WebhookPayloadKind: String, Sendable, CaseIterable {
    /// `[{"action", "id"}]`, as Trackdéchets sends it.
    case thin = "THIN"
    /// The same object with the ledger's whole event envelope under `event`.
    case envelope = "ENVELOPE"
}

/// What a setting is made of when created, and what its stream folds to.
public struct WebhookSettingRecord: Equatable, Sendable {
    /// The setting's id (UUID v7 text).
    public var id: String
    /// The company it belongs to.
    public var orgId: String
    /// Where deliveries go.
    public var endpointUri: String
    /// The integrator's bearer token for their endpoint, sent as `Authorization: Bearer`.
    public var token: String
    /// The Standard Webhooks secret, `whsec_…`.
    public var secret: String
    /// Whether deliveries go out.
    public var activated: Bool
    /// The body's form.
    public var payload: WebhookPayloadKind

    /// Makes a record.
    public init(
        id: String, orgId: String, endpointUri: String, token: String, secret: String,
        activated: Bool, payload: WebhookPayloadKind
    ) {
        self.id = id
        self.orgId = orgId
        self.endpointUri = endpointUri
        self.token = token
        self.secret = secret
        self.activated = activated
        self.payload = payload
    }
}

/// The fields an update may change; nil ones stay as they are.
public struct WebhookSettingChanges: Equatable, Sendable {
    /// A new endpoint.
    public var endpointUri: String?
    /// A new bearer token.
    public var token: String?
    /// Turns deliveries on or off.
    public var activated: Bool?
    /// A new body form.
    public var payload: WebhookPayloadKind?

    /// Makes changes; every field defaults to unchanged.
    public init(
        endpointUri: String? = nil, token: String? = nil, activated: Bool? = nil,
        payload: WebhookPayloadKind? = nil
    ) {
        self.endpointUri = endpointUri
        self.token = token
        self.activated = activated
        self.payload = payload
    }

    /// True when nothing changes.
    public var isEmpty: Bool {
        endpointUri == nil && token == nil && activated == nil && payload == nil
    }
}
