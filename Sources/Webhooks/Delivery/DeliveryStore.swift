import Ledger

/// The durable side of delivery, in a ``SideStore`` of its own (`<data>/webhooks`): one
/// cursor per endpoint and the failed deliveries. Every write is synced before it returns.
/// Keys: `cursor/<settingId>` and `failure/<settingId>/<position, 8 bytes big-endian>`.
public final class DeliveryStore: Sendable {
    let store: SideStore
    private let committer: CursorCommitter

    /// Opens (creating) the store in `path`.
    public init(path: String) throws(WebhookError) {
        do {
            store = try SideStore(path: path)
        } catch {
            throw .store(error)
        }
        committer = CursorCommitter(store: store)
    }

    /// Closes the store.
    public func close() { store.close() }

    /// The cursor of setting `id`, nil before its first write.
    public func cursor(_ id: String) throws(WebhookError) -> EndpointCursor? {
        try guarded { () throws(LedgerError) in
            try store.withValue(Self.cursorKey(id)) { $0.flatMap(EndpointCursor.init(bytes:)) }
        }
    }

    /// Stores the cursor of setting `id`.
    public func save(_ cursor: EndpointCursor, for id: String) throws(WebhookError) {
        try guarded { () throws(LedgerError) in try store.put(Self.cursorKey(id), cursor.bytes) }
    }

    /// Stores the cursor of setting `id` in a commit shared with the other settings' cursors
    /// handed in meanwhile (see ``CursorCommitter``); durable when it returns.
    func commit(_ cursor: EndpointCursor, for id: String) async throws(WebhookError) {
        try await committer.commit(cursor, for: id)
    }

    /// Hands the cursor of setting `id` to the next shared commit and returns at once; the
    /// save tells when it is durable. A setting's cursors are committed in the order handed in.
    func handIn(_ cursor: EndpointCursor, for id: String) -> CursorSave {
        committer.handIn(cursor, for: id)
    }

    /// Stores a failure (replacing one at the same position).
    public func record(_ failure: WebhookFailure) throws(WebhookError) {
        try guarded { () throws(LedgerError) in
            try store.put(Self.failureKey(failure.settingId, failure.position), failure.bytes)
        }
    }

    /// The failure of setting `id` at `position`, if any.
    public func failure(_ id: String, at position: UInt64) throws(WebhookError) -> WebhookFailure? {
        try guarded { () throws(LedgerError) in
            try store.withValue(Self.failureKey(id, position)) {
                $0.flatMap(WebhookFailure.init(bytes:))
            }
        }
    }

    /// Removes the failure of setting `id` at `position`.
    public func removeFailure(_ id: String, at position: UInt64) throws(WebhookError) {
        try guarded { () throws(LedgerError) in try store.delete([Self.failureKey(id, position)]) }
    }

    /// Up to `limit` failures of setting `id` after `position`, in position order.
    public func failures(
        _ id: String, after position: UInt64, limit: Int
    ) throws(WebhookError) -> [WebhookFailure] {
        var found: [WebhookFailure] = []
        let prefix = Array("failure/\(id)/".utf8)
        try guarded { () throws(LedgerError) in
            try store.forEach(prefix: prefix) { _, value throws(LedgerError) in
                guard found.count < limit else { return false }
                if let failure = WebhookFailure(bytes: value), failure.position > position {
                    found.append(failure)
                }
                return true
            }
        }
        return found
    }

    /// How many failures setting `id` has.
    public func failureCount(_ id: String) throws(WebhookError) -> Int {
        var count = 0
        try guarded { () throws(LedgerError) in
            try store.forEach(prefix: Array("failure/\(id)/".utf8)) { _, _ throws(LedgerError) in
                count += 1
                return true
            }
        }
        return count
    }

    static func cursorKey(_ id: String) -> [UInt8] { Array("cursor/\(id)".utf8) }

    static func failureKey(_ id: String, _ position: UInt64) -> [UInt8] {
        Array("failure/\(id)/".utf8) + EndpointCursor.bigEndian(position)
    }

    private func guarded<R>(_ body: () throws(LedgerError) -> R) throws(WebhookError) -> R {
        do {
            return try body()
        } catch {
            throw .store(error)
        }
    }
}
