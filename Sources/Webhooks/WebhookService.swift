import Ledger
import Logging

/// Webhooks as the API and `serve` see them: the settings, the failed deliveries and their
/// resends, and the dispatcher, which ``start()`` runs and ``stop()`` stops.
public final class WebhookService: Sendable {
    /// Creating, changing, deleting and reading settings.
    public let settings: WebhookSettings
    /// Cursors and failures.
    public let store: DeliveryStore
    let client: CurlClient
    let deliverer: Deliverer
    let dispatcher: WebhookDispatcher
    let ledger: Ledger
    let payloadCap: Int

    /// Loads the sealing key (`key`, else ``SealingKey/fileName`` in the ledger's folder,
    /// created at first start), checks that every setting's credentials open with it, opens
    /// the delivery store (`configuration.folder`, else `webhooks` in the ledger's folder)
    /// and starts the transport thread; nothing is delivered before ``start()``.
    /// - Throws: ``WebhookError/sealingKey(path:reason:)`` when the key file is missing
    ///   while sealed settings exist, unreadable, malformed, or not the settings' key.
    public init(
        ledger: Ledger, configuration: WebhookConfiguration, logger: Logger,
        key: SealingKey? = nil
    ) throws(WebhookError) {
        self.ledger = ledger
        let sealing: SealingKey
        if let key {
            sealing = key
        } else {
            sealing = try Self.instanceKey(ledger: ledger, logger: logger)
        }
        settings = WebhookSettings(ledger: ledger, configuration: configuration, key: sealing)
        _ = try settings.settings(orgIds: nil)
        store = try DeliveryStore(path: configuration.folder ?? ledger.folder + "/webhooks")
        client = CurlClient()
        deliverer = Deliverer(
            client: client, endpointGuard: settings.endpointGuard, timeout: configuration.timeout)
        payloadCap = configuration.payloadCap
        dispatcher = WebhookDispatcher(
            ledger: ledger, settings: settings, store: store, deliverer: deliverer,
            configuration: configuration, logger: logger)
    }

    /// Starts delivering, from each endpoint's durable cursor.
    public func start() throws(WebhookError) {
        try dispatcher.start()
    }

    /// Stops delivering (attempts under way finish), the transport and the store.
    public func stop() async {
        await dispatcher.stop()
        client.shutdown()
        store.close()
    }

    /// Sends the failed delivery of setting `id` at `position` once more, with its
    /// `webhook-id`; the failure is removed when acknowledged, else its count grows.
    /// - Returns: whether the endpoint acknowledged it.
    public func resend(settingId id: String, position: UInt64) async throws(WebhookError) -> Bool {
        guard var failure = try store.failure(id, at: position) else {
            throw .notFound("\(id)@\(position)")
        }
        guard let setting = try settings.setting(id: id), !setting.isDeleted else {
            throw .notFound(id)
        }
        let message: WebhookMessage?
        do {
            let events = try ledger.readAll(after: position - 1, limit: 1)
            message = try events.first.flatMap {
                try WebhookMessage.make(
                    for: $0, orgId: setting.record.orgId, kind: setting.record.payload,
                    ledger: ledger, cap: payloadCap)
            }
        } catch {
            throw .notFound("\(id)@\(position)")
        }
        guard let message else { throw .notFound("\(id)@\(position)") }
        let result = await deliverer.attempt(message, to: setting)
        if result.isSuccess {
            try store.removeFailure(id, at: position)
            return true
        }
        failure.attempts += 1
        failure.failedAt = Timestamp.now()
        switch result {
        case .response(let status, _): (failure.lastStatus, failure.lastError) = (status, nil)
        case .failure(_, let text): (failure.lastStatus, failure.lastError) = (nil, text)
        }
        try store.record(failure)
        return false
    }

    /// Resends, in order, every failure of setting `id` after `position`.
    /// - Returns: how many were acknowledged and how many failed again.
    public func resendAll(
        settingId id: String, after position: UInt64
    ) async throws(WebhookError) -> (delivered: Int, failed: Int) {
        var delivered = 0
        var failed = 0
        for failure in try store.failures(id, after: position, limit: 10_000) {
            if try await resend(settingId: id, position: failure.position) {
                delivered += 1
            } else {
                failed += 1
            }
        }
        return (delivered, failed)
    }
}
