import Ledger
import Logging

extension WebhookService {
    /// The data folder's sealing key; made when absent, unless settings sealed under some
    /// key are in the ledger: a new key could not open them, so that is an error naming
    /// the file rather than endpoints silently failing.
    static func instanceKey(ledger: Ledger, logger: Logger) throws(WebhookError) -> SealingKey {
        if let key = try SealingKey.load(in: ledger.folder, logger: logger) { return key }
        if let keyId = try sealedKeyId(in: ledger) {
            throw .sealingKey(
                path: ledger.folder + "/" + SealingKey.fileName,
                reason: "missing, but webhook settings sealed under key \(keyId) are in the "
                    + "ledger; restore the file from the data folder's backup")
        }
        return try SealingKey.create(in: ledger.folder, logger: logger)
    }

    /// The key id of a sealed credential in any setting's stream, or nil when none is.
    static func sealedKeyId(in ledger: Ledger) throws(WebhookError) -> String? {
        do {
            var ids: Set<String> = []
            for event in try ledger.readStream(WebhookStreams.directory) {
                if case .listed(let id, _, _)? = WebhookSettingEvent.decode(
                    type: event.type, schemaVersion: event.schemaVersion, payload: event.payload)
                {
                    ids.insert(id)
                }
            }
            for id in ids.sorted() {
                for event in try ledger.readStream(WebhookStreams.setting(id)) {
                    if let keyId = sealedKeyId(of: event) { return keyId }
                }
            }
            return nil
        } catch {
            throw .ledger(error)
        }
    }

    private static func sealedKeyId(of event: RecordedEvent) -> String? {
        let decoded = WebhookSettingEvent.decode(
            type: event.type, schemaVersion: event.schemaVersion, payload: event.payload)
        switch decoded {
        case .created(let record, _, _)?:
            if case .sealed(let value) = record.secret { return value.keyId }
        case .updated(_, let changes, _, _)?:
            if case .sealed(let value)? = changes.token { return value.keyId }
        default:
            break
        }
        return nil
    }
}
