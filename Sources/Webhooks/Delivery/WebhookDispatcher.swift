import Ledger
import Logging
import Synchronization

/// Runs one ``EndpointWorker`` per active setting and keeps that set in step with the
/// ledger: it follows the log after commit and, for each event of a setting's stream,
/// starts, restarts (the endpoint, token or body form changed) or stops that setting's
/// worker. Nothing here runs in the write path.
final class WebhookDispatcher: Sendable {
    private struct Running {
        var setting: WebhookSetting
        var task: Task<Void, Never>
    }

    private let ledger: Ledger
    private let settings: WebhookSettings
    private let store: DeliveryStore
    private let deliverer: Deliverer
    private let configuration: WebhookConfiguration
    private let logger: Logger
    private let cache: MessageCache
    private let feed: EventFeed
    private let running = Mutex<[String: Running]>([:])
    private let watcher = Mutex<Task<Void, Never>?>(nil)

    init(
        ledger: Ledger, settings: WebhookSettings, store: DeliveryStore, deliverer: Deliverer,
        configuration: WebhookConfiguration, logger: Logger
    ) {
        self.ledger = ledger
        self.settings = settings
        self.store = store
        self.deliverer = deliverer
        self.configuration = configuration
        self.logger = logger
        cache = MessageCache(ledger: ledger, cap: configuration.payloadCap)
        feed = EventFeed(ledger: ledger)
    }

    /// Starts a worker for every active setting, then follows the settings' streams.
    func start() throws(WebhookError) {
        let head: UInt64
        do {
            head = try ledger.head().position
        } catch {
            throw .ledger(error)
        }
        feed.start(after: head)
        for setting in try settings.settings(orgIds: nil) where setting.isActive {
            launch(setting)
        }
        let task = Task { [self] in
            do {
                for try await event in ledger.tail(after: head)
                where event.streamID.hasPrefix(WebhookStreams.setting("")) {
                    await reconcile(
                        String(event.streamID.dropFirst(WebhookStreams.setting("").count)))
                }
            } catch {
                logger.warning("Webhook settings tail ended")
            }
        }
        watcher.withLock { $0 = task }
        logger.info("Webhook dispatcher started", metadata: ["webhook.endpoints": "\(count)"])
    }

    /// Stops following the ledger and every worker, waiting for attempts under way.
    func stop() async {
        let task = watcher.withLock { state -> Task<Void, Never>? in
            defer { state = nil }
            return state
        }
        task?.cancel()
        await task?.value
        let workers = running.withLock { state -> [Running] in
            defer { state = [:] }
            return Array(state.values)
        }
        for worker in workers { worker.task.cancel() }
        for worker in workers { await worker.task.value }
        await feed.stop()
    }

    /// How many workers run.
    var count: Int { running.withLock { $0.count } }

    /// Brings setting `id`'s worker in line with its stream.
    private func reconcile(_ id: String) async {
        let found: WebhookSetting?
        do {
            found = try settings.setting(id: id)
        } catch {
            // The error names the key file and key ids, never a credential.
            logger.error(
                "Webhook setting unreadable; its worker is left as it was",
                metadata: ["webhook.setting": id, "webhook.error": "\(error)"])
            return
        }
        guard let setting = found else { return }
        let current = running.withLock { $0[id] }
        if let current, setting.isActive, current.setting.record == setting.record,
            current.setting.activeSince == setting.activeSince
        {
            return
        }
        if let current {
            current.task.cancel()
            await current.task.value
            running.withLock { _ = $0.removeValue(forKey: id) }
        }
        guard setting.isActive else { return }
        if current != nil, var cursor = try? store.cursor(id), cursor.retryAt > 0 {
            // A changed endpoint or token deserves an attempt now, not at the old schedule.
            cursor.retryAt = 0
            try? store.save(cursor, for: id)
        }
        launch(setting)
    }

    private func launch(_ setting: WebhookSetting) {
        let worker = EndpointWorker(
            setting: setting, ledger: ledger, store: store, settings: settings,
            deliverer: deliverer, schedule: configuration.retrySchedule, cache: cache, feed: feed,
            saveWindow: configuration.unsyncedAcknowledgements, logger: logger)
        let task = Task { await worker.run() }
        running.withLock { $0[setting.id] = Running(setting: setting, task: task) }
    }
}
