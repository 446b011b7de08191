/// A webhook setting as its stream folds to.
public struct WebhookSetting: Equatable, Sendable {
    /// The fields given at creation and changed since.
    public var record: WebhookSettingRecord
    /// When it was created, µs since the epoch.
    public var createdAt: Int64
    /// Whether it was deleted.
    public var isDeleted = false
    /// The ledger position of the event that last turned it on: events at or before it are
    /// not delivered (an endpoint turned off misses what happens meanwhile; failures and
    /// resends cover what it did not acknowledge).
    public var activeSince: UInt64
    /// Why the dispatcher last turned it off (`GONE`, `RETRIES_EXHAUSTED`), if it did and it
    /// was not turned on again.
    public var deactivationReason: String?
    /// The stream's last version.
    public var version: UInt64

    /// The setting's id.
    public var id: String { record.id }
    /// Whether deliveries go out now.
    public var isActive: Bool { record.activated && !isDeleted }

    /// The state after the creation event at `position`.
    init(created record: WebhookSettingRecord, at: Int64, position: UInt64) {
        self.record = record
        createdAt = at
        activeSince = position
        version = 0
    }

    /// Folds one later event of the stream, recorded at `position`, opening a new token
    /// with `key`.
    mutating func evolve(
        _ event: WebhookSettingEvent, position: UInt64, key: SealingKey
    ) throws(WebhookError) {
        version += 1
        switch event {
        case .updated(_, let changes, _, _):
            if let uri = changes.endpointUri { record.endpointUri = uri }
            if let token = changes.token { record.token = try token.open(with: key) }
            if let payload = changes.payload { record.payload = payload }
            if let activated = changes.activated {
                if activated && !record.activated {
                    activeSince = position
                    deactivationReason = nil
                }
                record.activated = activated
            }
        case .deleted:
            isDeleted = true
        case .deactivated(_, let reason, _, _, _):
            record.activated = false
            deactivationReason = reason
        case .created, .listed, .unlisted:
            break
        }
    }

    /// Folds a whole stream, opening the sealed credentials with `key` (once per fold: the
    /// state holds them in clear for the deliveries); nil when it does not start with a
    /// creation.
    /// - Throws: ``WebhookError/sealingKey(path:reason:)`` when a credential does not open.
    static func fold(
        _ events: [(WebhookSettingEvent, UInt64)], key: SealingKey
    ) throws(WebhookError) -> WebhookSetting? {
        guard case (.created(let stored, _, let at), let position)? = events.first else {
            return nil
        }
        let record = try stored.opened(with: key)
        var setting = WebhookSetting(created: record, at: at, position: position)
        for (event, position) in events.dropFirst() {
            try setting.evolve(event, position: position, key: key)
        }
        return setting
    }
}
