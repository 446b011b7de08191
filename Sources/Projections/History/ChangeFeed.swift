import Domain
import Ledger

/// The ledger's events after a position, limited to the BSDs the caller may read, for an
/// integrator catching up after being offline: pages follow ledger positions, and the next
/// cursor is the last position looked at (returned or not), so paging on from it misses
/// nothing and repeats nothing.
public struct ChangeFeed: Sendable {
    let ledger: Ledger

    /// One page of the feed.
    public struct Page: Sendable {
        /// The visible events of the page, in position order.
        public var events: [HistoryEntry]
        /// The position to pass as `after` for the next page.
        public var cursor: UInt64
        /// Whether the page reached the head of the log.
        public var isAtHead: Bool
    }

    /// Makes the feed over a ledger opened with a ``FormsProjection``.
    public init(ledger: Ledger) {
        self.ledger = ledger
    }

    /// Looks at up to `limit` events after `position` and returns those of BSDs that one of
    /// `companies` may read now (reference §5, on the current state).
    public func page(
        after position: UInt64, limit: Int = 1000, companies: Set<String>
    ) throws
        -> Page
    {
        var seen: UInt64 = position
        var formIds: [(UInt64, String)] = []
        let last = try ledger.scan(after: position, limit: limit) { view in
            seen += 1
            if view.streamIDBytes.starts(with: Array("form-".utf8)) {
                let stream = String(decoding: view.streamIDBytes, as: UTF8.self)
                formIds.append((view.position, String(stream.dropFirst(5))))
            }
            return true
        }
        let queries = FormQueries(ledger: ledger)
        let history = FormHistory(ledger: ledger)
        var byForm: [String: [UInt64: HistoryEntry]] = [:]
        var events: [HistoryEntry] = []
        for (eventPosition, formId) in formIds {
            if byForm[formId] == nil {
                let readable = try queries.form(id: formId, companies: companies) != nil
                let entries = readable ? try history.auditEvents(formId: formId) : []
                byForm[formId] = Dictionary(uniqueKeysWithValues: entries.map { ($0.position, $0) })
            }
            if let entry = byForm[formId]?[eventPosition] { events.append(entry) }
        }
        return Page(events: events, cursor: last, isAtHead: Int(seen - position) < limit)
    }
}
