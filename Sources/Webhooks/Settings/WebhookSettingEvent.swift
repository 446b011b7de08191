import CanonicalJSON

/// The events of webhook settings. A setting lives in its stream `webhook-<id>`; the
/// stream ``WebhookStreams/directory`` lists every setting with its company, and is the
/// serialisation point of the per-company limit and of the endpoint's uniqueness.
public enum WebhookSettingEvent: Equatable, Sendable {
    /// A setting was created, its token and Standard Webhooks secret in stored form.
    case created(StoredSettingRecord, createdBy: String, at: Int64)
    /// Some fields changed (absent ones did not), a new token in stored form.
    case updated(settingId: String, changes: StoredSettingChanges, updatedBy: String, at: Int64)
    /// The setting was deleted.
    case deleted(settingId: String, deletedBy: String, at: Int64)
    /// The dispatcher turned the endpoint off: a 410 answer, or the retries ran out, for
    /// the delivery of the event at `position`.
    case deactivated(settingId: String, reason: String, position: UInt64, status: Int?, at: Int64)
    /// Directory: a setting of `orgId` exists.
    case listed(settingId: String, orgId: String, endpointUri: String)
    /// Directory: the setting is gone.
    case unlisted(settingId: String, orgId: String)

    /// Every event type, in the order of the cases.
    public static let types = [
        "WebhookSettingCreated", "WebhookSettingUpdated", "WebhookSettingDeleted",
        "WebhookEndpointDeactivated", "WebhookSettingListed", "WebhookSettingUnlisted",
    ]

    /// The event type in the ledger.
    public var type: String {
        switch self {
        case .created: "WebhookSettingCreated"
        case .updated: "WebhookSettingUpdated"
        case .deleted: "WebhookSettingDeleted"
        case .deactivated: "WebhookEndpointDeactivated"
        case .listed: "WebhookSettingListed"
        case .unlisted: "WebhookSettingUnlisted"
        }
    }

    /// The schema version of the payload: 2 for the two events holding credentials once
    /// sealed (version 1 held them in clear and is only read now), 1 for the others.
    public var schemaVersion: UInt16 {
        switch self {
        case .created(let record, _, _):
            min(record.token.schemaVersion, record.secret.schemaVersion)
        case .updated(_, let changes, _, _): changes.token?.schemaVersion ?? 2
        case .deleted, .deactivated, .listed, .unlisted: 1
        }
    }

    /// The payload as a JSON tree.
    public var payload: JSONValue {
        switch self {
        case .created(let record, let createdBy, let at):
            .object(
                record.members.merging(["createdBy": .string(createdBy), "at": .int(at)]) {
                    $1
                })
        case .updated(let settingId, let changes, let updatedBy, let at):
            [
                "settingId": .string(settingId), "changes": changes.jsonValue,
                "updatedBy": .string(updatedBy), "at": .int(at),
            ]
        case .deleted(let settingId, let deletedBy, let at):
            ["settingId": .string(settingId), "deletedBy": .string(deletedBy), "at": .int(at)]
        case .deactivated(let settingId, let reason, let position, let status, let at):
            [
                "settingId": .string(settingId), "reason": .string(reason),
                "position": .int(Int64(position)),
                "status": status.map { .int(Int64($0)) } ?? .null,
                "at": .int(at),
            ]
        case .listed(let settingId, let orgId, let endpointUri):
            [
                "settingId": .string(settingId), "orgId": .string(orgId),
                "endpointUri": .string(endpointUri),
            ]
        case .unlisted(let settingId, let orgId):
            ["settingId": .string(settingId), "orgId": .string(orgId)]
        }
    }

    /// Reads an event back from its type, schema version and payload; nil for another type,
    /// a version not known for it, or a payload that does not have this shape. Version 1 of
    /// `WebhookSettingCreated` and `WebhookSettingUpdated` holds the credentials in clear:
    /// they are read as ``StoredSecret/clear(_:)``, so old data folders keep delivering.
    public static func decode(
        type: String, schemaVersion: UInt16, payload bytes: [UInt8]
    ) -> WebhookSettingEvent? {
        guard let value = try? CanonicalJSON.decode(JSONValue.self, from: bytes) else { return nil }
        let text = { (name: String) in value[name]?.stringValue }
        let number = { (name: String) in value[name]?.intValue }
        switch type {
        case "WebhookSettingCreated":
            guard let record = StoredSettingRecord(created: value, schemaVersion: schemaVersion),
                let by = text("createdBy"), let at = number("at")
            else { return nil }
            return .created(record, createdBy: by, at: at)
        case "WebhookSettingUpdated":
            guard let id = text("settingId"), let by = text("updatedBy"), let at = number("at"),
                let changes = StoredSettingChanges(
                    json: value["changes"] ?? .object([:]), schemaVersion: schemaVersion)
            else { return nil }
            return .updated(settingId: id, changes: changes, updatedBy: by, at: at)
        default:
            guard schemaVersion == 1 else { return nil }
            return decodeOthers(type: type, value: value)
        }
    }

    private static func decodeOthers(type: String, value: JSONValue) -> WebhookSettingEvent? {
        let text = { (name: String) in value[name]?.stringValue }
        let number = { (name: String) in value[name]?.intValue }
        switch type {
        case "WebhookSettingDeleted":
            guard let id = text("settingId"), let by = text("deletedBy"), let at = number("at")
            else { return nil }
            return .deleted(settingId: id, deletedBy: by, at: at)
        case "WebhookEndpointDeactivated":
            guard let id = text("settingId"), let reason = text("reason"),
                let position = number("position"), let at = number("at")
            else { return nil }
            let status = number("status").map { Int($0) }
            return .deactivated(
                settingId: id, reason: reason, position: UInt64(position), status: status, at: at)
        default:
            return decodeDirectory(type: type, value: value)
        }
    }

    private static func decodeDirectory(type: String, value: JSONValue) -> WebhookSettingEvent? {
        guard let id = value["settingId"]?.stringValue, let orgId = value["orgId"]?.stringValue
        else { return nil }
        switch type {
        case "WebhookSettingListed":
            guard let uri = value["endpointUri"]?.stringValue else { return nil }
            return .listed(settingId: id, orgId: orgId, endpointUri: uri)
        case "WebhookSettingUnlisted": return .unlisted(settingId: id, orgId: orgId)
        default: return nil
        }
    }
}

/// Stream names of webhook settings.
public enum WebhookStreams {
    /// The stream listing every setting and its company.
    public static let directory = "webhook-directory"
    /// The prefix of every webhook stream.
    public static let prefix = "webhook-"

    /// The stream of setting `id`.
    public static func setting(_ id: String) -> String { prefix + "setting-" + id }
}
