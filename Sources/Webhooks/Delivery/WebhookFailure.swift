import CanonicalJSON

/// A delivery that was given up: the retries ran out or the endpoint answered 410. Kept until
/// a resend succeeds.
public struct WebhookFailure: Equatable, Sendable {
    /// The setting it was for.
    public var settingId: String
    /// The event's ledger position.
    public var position: UInt64
    /// The `webhook-id` it went out with (a resend uses it again).
    public var webhookId: String
    /// The BSD's id.
    public var formId: String
    /// Attempts made, resends included.
    public var attempts: Int
    /// The last HTTP status, if there was an answer.
    public var lastStatus: Int?
    /// libcurl's description of the last failure without an answer.
    public var lastError: String?
    /// When it was last attempted, µs since the epoch.
    public var failedAt: Int64

    /// Makes a failure record.
    public init(
        settingId: String, position: UInt64, webhookId: String, formId: String, attempts: Int,
        lastStatus: Int?, lastError: String?, failedAt: Int64
    ) {
        self.settingId = settingId
        self.position = position
        self.webhookId = webhookId
        self.formId = formId
        self.attempts = attempts
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.failedAt = failedAt
    }

    /// The record's canonical JSON.
    var bytes: [UInt8] {
        let value: JSONValue = [
            "settingId": .string(settingId), "position": .int(Int64(position)),
            "webhookId": .string(webhookId), "formId": .string(formId),
            "attempts": .int(Int64(attempts)),
            "lastStatus": lastStatus.map { .int(Int64($0)) } ?? .null,
            "lastError": lastError.map(JSONValue.string) ?? .null, "failedAt": .int(failedAt),
        ]
        return CanonicalJSON.encode(value)
    }

    /// Reads a record back.
    init?(bytes: UnsafeRawBufferPointer) {
        guard let value = try? CanonicalJSON.decode(JSONValue.self, from: bytes),
            let settingId = value["settingId"]?.stringValue,
            let position = value["position"]?.intValue,
            let webhookId = value["webhookId"]?.stringValue,
            let formId = value["formId"]?.stringValue, let attempts = value["attempts"]?.intValue,
            let failedAt = value["failedAt"]?.intValue
        else { return nil }
        self.init(
            settingId: settingId, position: UInt64(position), webhookId: webhookId,
            formId: formId, attempts: Int(attempts),
            lastStatus: value["lastStatus"]?.intValue.map { Int($0) },
            lastError: value["lastError"]?.stringValue, failedAt: failedAt)
    }
}
