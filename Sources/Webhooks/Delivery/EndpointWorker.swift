import Ledger
import Logging

/// Delivers to one endpoint: follows the ledger from the endpoint's durable cursor and
/// sends each event the company may read, strictly in ledger order, one at a time, until
/// acknowledged (2xx), given up (retries exhausted, or 410) or the task is cancelled. A 429
/// is a pause the receiver asks for, not a failure: the next attempt waits for its
/// `Retry-After` (see ``RetrySchedule/throttleDelay(retryAfter:)``) and it never counts
/// toward deactivation.
///
/// One in flight per endpoint keeps every BSD's events in order at that endpoint; the cost
/// is that a slow or failing endpoint holds back its own later events (never another
/// endpoint's, each has its own worker and cursor). An acknowledgement's cursor is synced
/// while the next deliveries are under way, up to `saveWindow` acknowledgements awaiting
/// their sync (the worker then waits for the oldest), so an endpoint is not held to one
/// delivery per commit of the store; a crash repeats at most those and the one in flight,
/// each with its `webhook-id`. A failure's cursor is always durable before its retry waits.
struct EndpointWorker: Sendable {
    let setting: WebhookSetting
    let ledger: Ledger
    let store: DeliveryStore
    let settings: WebhookSettings
    let deliverer: Deliverer
    let schedule: RetrySchedule
    /// Shared by every worker: each event's audience and bodies are worked out once.
    let cache: MessageCache
    /// Shared by every worker: the recent events, read from the log once.
    let feed: EventFeed
    /// How many acknowledged deliveries may await their cursor's sync at once.
    let saveWindow: Int
    let logger: Logger

    /// How a delivery ended.
    enum Outcome {
        /// Acknowledged or dead-lettered: go on with the next event.
        case next
        /// The endpoint was turned off, or the task cancelled: stop.
        case stop
    }

    /// Runs until cancelled, the ledger closes or the endpoint is turned off.
    func run() async {
        guard var cursor = startingCursor() else { return }
        var unsaved = 0
        var saving = CursorSaves(window: saveWindow)
        do {
            var events = FeedTail(feed: feed, ledger: ledger, after: cursor.position)
                .makeAsyncIterator()
            batches: while let batch = try await events.nextBatch() {
                // The events known to be for other companies are passed over in one look.
                let concerned = cache.mayConcern(batch, orgId: setting.record.orgId)
                for (offset, index) in batch.indices.enumerated() {
                    if concerned[offset], let message = await message(for: batch[index]) {
                        unsaved = 0
                        let outcome = await deliver(message, cursor: &cursor, saving: &saving)
                        if case .stop = outcome { break batches }
                        continue
                    }
                    if Task.isCancelled { break batches }
                    cursor.position = batch[index].position
                    unsaved += 1
                    if unsaved >= 256 {
                        guard await saving.makeRoom() else { break batches }
                        saving.add(store.handIn(cursor, for: setting.id))
                        unsaved = 0
                    }
                }
            }
        } catch {
            logger.warning("Webhook tail ended", metadata: ["webhook.setting": setting.id])
        }
        if await settle(&saving), unsaved > 0 { _ = await save(cursor) }
    }

    /// Waits for every cursor save under way; false when one failed.
    private func settle(_ saving: inout CursorSaves) async -> Bool {
        if await saving.settle() { return true }
        logger.error("Webhook cursor not saved", metadata: ["webhook.setting": setting.id])
        return false
    }

    /// The durable cursor, or the setting's activation when none is kept or it is older;
    /// nil when the store cannot be read.
    private func startingCursor() -> EndpointCursor? {
        let kept: EndpointCursor?
        do {
            kept = try store.cursor(setting.id)
        } catch {
            logger.error("Webhook cursor unreadable", metadata: ["webhook.setting": setting.id])
            return nil
        }
        guard let kept, kept.position >= setting.activeSince else {
            return EndpointCursor(position: setting.activeSince)
        }
        return kept
    }

    /// The message for `event`, nil when it is not for this endpoint; waits and retries
    /// while the forms projection cannot answer (a rebuild), until cancelled.
    private func message(for event: RecordedEvent) async -> WebhookMessage? {
        while !Task.isCancelled {
            do {
                return try cache.message(
                    for: event, orgId: setting.record.orgId, kind: setting.record.payload)
            } catch {
                logger.debug(
                    "Webhook message not ready", metadata: ["ledger.position": "\(event.position)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
        return nil
    }

    /// Attempts `message` until it is acknowledged or given up, keeping `cursor` durable: an
    /// acknowledgement's cursor is handed in to `saving`, within its window; a failure's is
    /// saved, after every earlier one, before the wait for the next attempt.
    private func deliver(
        _ message: WebhookMessage, cursor: inout EndpointCursor, saving: inout CursorSaves
    ) async -> Outcome {
        while true {
            let wait = cursor.retryAt - Timestamp.now()
            if wait > 0 {
                do {
                    try await Task.sleep(for: .microseconds(wait))
                } catch {
                    return .stop
                }
            }
            if Task.isCancelled { return .stop }
            let result = await deliverer.attempt(message, to: setting)
            if result.isSuccess {
                cursor = EndpointCursor(position: message.position)
                guard await saving.makeRoom() else { return .stop }
                saving.add(store.handIn(cursor, for: setting.id))
                return .next
            }
            guard await settle(&saving) else { return .stop }
            if let delay = retryDelay(after: result, cursor: &cursor) {
                cursor.retryAt = Timestamp.now() + Self.microseconds(delay)
                logger.debug(
                    "Webhook attempt failed",
                    metadata: [
                        "webhook.setting": setting.id, "ledger.position": "\(message.position)",
                    ])
                guard await save(cursor) else { return .stop }
                continue
            }
            await giveUp(message, result: result, failures: cursor.failures)
            cursor = EndpointCursor(position: message.position)
            _ = await save(cursor)
            return .stop
        }
    }

    /// How long to wait before attempting again after `result`, nil to give up. A 429 waits
    /// as asked and is not a failure; anything else counts in `cursor` and follows the
    /// schedule, except 410, which gives up at once.
    private func retryDelay(after result: TransferResult, cursor: inout EndpointCursor) -> Duration?
    {
        let retryAfter: Duration? =
            if case .response(_, let seconds?) = result { .seconds(seconds) } else { nil }
        if case .response(429, _) = result {
            return schedule.throttleDelay(retryAfter: retryAfter)
        }
        cursor.failures += 1
        guard !Self.isGone(result) else { return nil }
        return schedule.delay(afterFailures: cursor.failures, retryAfter: retryAfter)
    }

    /// Keeps the failure, and turns the endpoint off with an event in its stream.
    private func giveUp(_ message: WebhookMessage, result: TransferResult, failures: Int) async {
        var status: Int?
        var error: String?
        switch result {
        case .response(let code, _): status = code
        case .failure(_, let text): error = text
        }
        let failure = WebhookFailure(
            settingId: setting.id, position: message.position, webhookId: message.webhookId,
            formId: message.formId, attempts: failures, lastStatus: status, lastError: error,
            failedAt: Timestamp.now())
        try? store.record(failure)
        let reason = Self.isGone(result) ? "GONE" : "RETRIES_EXHAUSTED"
        logger.warning(
            "Webhook endpoint deactivated",
            metadata: ["webhook.setting": setting.id, "webhook.reason": reason])
        try? await settings.deactivate(
            id: setting.id, reason: reason, position: message.position, status: status)
    }

    private func save(_ cursor: EndpointCursor) async -> Bool {
        do {
            try await store.commit(cursor, for: setting.id)
            return true
        } catch {
            logger.error("Webhook cursor not saved", metadata: ["webhook.setting": setting.id])
            return false
        }
    }

    static func isGone(_ result: TransferResult) -> Bool {
        if case .response(410, _) = result { return true }
        return false
    }

    static func microseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000 + duration.components.attoseconds
            / 1_000_000_000_000
    }
}
