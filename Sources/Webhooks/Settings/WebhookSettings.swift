import CanonicalJSON
import Ledger

/// Creates, changes, deletes and reads webhook settings, as events in the ledger. Who may do
/// so is the caller's business (the API checks the ADMIN role); this checks the input, the
/// per-company limit and the endpoint's uniqueness, and appends with exact expected
/// versions so that a concurrent change is a conflict, never a lost update.
public struct WebhookSettings: Sendable {
    let ledger: Ledger
    let limit: Int
    let endpointGuard: EndpointGuard
    let key: SealingKey

    /// Makes the service over `ledger` with the configuration's limit and allowlist; `key`
    /// seals the tokens and secrets written and opens those read.
    public init(ledger: Ledger, configuration: WebhookConfiguration, key: SealingKey) {
        self.ledger = ledger
        self.key = key
        limit = configuration.settingsPerCompany
        endpointGuard = EndpointGuard(allowedHosts: configuration.allowedHosts)
    }

    /// Creates a setting for `orgId` with a fresh secret, returned in the record.
    /// - Throws: ``WebhookError/invalidInput(_:)`` for a bad endpoint or token, the limit
    ///   reached or the endpoint already registered for the company.
    public func create(
        orgId: String, endpointUri: String, token: String, activated: Bool,
        payload: WebhookPayloadKind, userId: String
    ) async throws(WebhookError) -> WebhookSetting {
        try await check(endpointUri: endpointUri, token: token)
        let now = Timestamp.now()
        let record = WebhookSettingRecord(
            id: EventID.timeOrdered(microseconds: now).description, orgId: orgId,
            endpointUri: endpointUri, token: token, secret: WebhookSignature.makeSecret(),
            activated: activated, payload: payload)
        for attempt in 1...3 {
            let (directory, version) = try directoryListing()
            var existing: [WebhookSetting] = []
            for entry in directory where entry.orgId == orgId {
                if let found = try setting(id: entry.settingId) { existing.append(found) }
            }
            if existing.count >= limit {
                throw .invalidInput([.init(path: "input.companyId", code: "WEBHOOK_LIMIT_REACHED")])
            }
            if existing.contains(where: { $0.record.endpointUri == endpointUri }) {
                throw .invalidInput([
                    .init(path: "input.endpointUri", code: "ENDPOINT_ALREADY_REGISTERED")
                ])
            }
            let appends = [
                StreamAppend(
                    stream: WebhookStreams.directory,
                    expected: version.map { .exact($0) } ?? .noStream,
                    events: [
                        event(
                            .listed(settingId: record.id, orgId: orgId, endpointUri: endpointUri),
                            userId, orgId, now)
                    ]),
                StreamAppend(
                    stream: WebhookStreams.setting(record.id), expected: .noStream,
                    events: [
                        event(
                            .created(
                                StoredSettingRecord(sealing: record, with: key), createdBy: userId,
                                at: now), userId, orgId, now)
                    ]),
            ]
            do {
                let positions = try await ledger.append(appends)
                return WebhookSetting(created: record, at: now, position: positions[1][0])
            } catch .wrongExpectedVersion where attempt < 3 {
                continue
            } catch {
                throw Self.mapped(error)
            }
        }
        throw .conflict(stream: WebhookStreams.directory)
    }

    /// Applies `changes` to setting `id` if it is still at `expectedVersion`.
    public func update(
        id: String, changes: WebhookSettingChanges, expectedVersion: UInt64, userId: String
    ) async throws(WebhookError) -> WebhookSetting {
        guard let current = try setting(id: id), !current.isDeleted else { throw .notFound(id) }
        if let uri = changes.endpointUri {
            try await check(endpointUri: uri, token: changes.token)
            let others = try settings(orgIds: [current.record.orgId]).filter { $0.id != id }
            if others.contains(where: { $0.record.endpointUri == uri }) {
                throw .invalidInput([
                    .init(path: "input.endpointUri", code: "ENDPOINT_ALREADY_REGISTERED")
                ])
            }
        } else if let token = changes.token {
            try Self.checkToken(token)
        }
        guard !changes.isEmpty else { return current }
        let now = Timestamp.now()
        let change = WebhookSettingEvent.updated(
            settingId: id, changes: StoredSettingChanges(sealing: changes, with: key),
            updatedBy: userId, at: now)
        try await append(change, to: id, at: expectedVersion, userId, current.record.orgId, now)
        guard let updated = try setting(id: id) else { throw .notFound(id) }
        return updated
    }

    /// Deletes setting `id` if it is still at `expectedVersion`; returns its last state.
    public func delete(
        id: String, expectedVersion: UInt64, userId: String
    ) async throws(WebhookError) -> WebhookSetting {
        guard var current = try setting(id: id), !current.isDeleted else { throw .notFound(id) }
        let now = Timestamp.now()
        let orgId = current.record.orgId
        let appends = [
            StreamAppend(
                stream: WebhookStreams.setting(id), expected: .exact(expectedVersion),
                events: [
                    event(.deleted(settingId: id, deletedBy: userId, at: now), userId, orgId, now)
                ]),
            StreamAppend(
                stream: WebhookStreams.directory, expected: .any,
                events: [event(.unlisted(settingId: id, orgId: orgId), userId, orgId, now)]),
        ]
        do {
            _ = try await ledger.append(appends)
        } catch {
            throw Self.mapped(error)
        }
        current.isDeleted = true
        return current
    }

    /// Records that the dispatcher turned the endpoint off; nothing when it is off already.
    func deactivate(
        id: String, reason: String, position: UInt64, status: Int?
    ) async throws(WebhookError) {
        for _ in 1...3 {
            guard let current = try setting(id: id), current.isActive else { return }
            let now = Timestamp.now()
            let change = WebhookSettingEvent.deactivated(
                settingId: id, reason: reason, position: position, status: status, at: now)
            do throws(WebhookError) {
                try await append(
                    change, to: id, at: current.version, "webhook-dispatcher", current.record.orgId,
                    now)
                return
            } catch .conflict {
                continue
            }
        }
    }

    /// The setting `id` folded from its stream, deleted or not; nil when it never existed.
    /// - Throws: ``WebhookError/sealingKey(path:reason:)`` when its credentials do not open
    ///   with the instance's key.
    public func setting(id: String) throws(WebhookError) -> WebhookSetting? {
        let recorded: [RecordedEvent]
        do {
            recorded = try ledger.readStream(WebhookStreams.setting(id))
        } catch {
            throw .ledger(error)
        }
        return try WebhookSetting.fold(
            recorded.compactMap { event in
                WebhookSettingEvent.decode(
                    type: event.type, schemaVersion: event.schemaVersion, payload: event.payload
                ).map { ($0, event.position) }
            }, key: key)
    }

    /// The settings, not deleted, of the companies `orgIds` (all companies when nil), in
    /// creation order.
    public func settings(orgIds: Set<String>?) throws(WebhookError) -> [WebhookSetting] {
        var found: [WebhookSetting] = []
        for entry in try directoryListing().entries where orgIds?.contains(entry.orgId) ?? true {
            if let setting = try setting(id: entry.settingId), !setting.isDeleted {
                found.append(setting)
            }
        }
        return found
    }
}
