import CanonicalJSON
import Domain
import Ledger

extension FormReader {
    /// One page of `formsLifeCycle` for `filter.siret`: newest first, served by a range of
    /// the company's status-log index (the time bounds and cursors are key bounds).
    public func lifecycle(_ filter: LifecycleFilter, companies: Set<String>) throws -> LifecyclePage
    {
        try checkMember(filter.siret, companies)
        var cursor: (Int64, UInt64)?
        if let text = filter.cursorAfter ?? filter.cursorBefore {
            guard let parsed = StatusLogEntry.parse(cursor: text) else {
                throw QueryError.unknownCursor(text)
            }
            cursor = parsed
        }
        let forwards = filter.cursorBefore != nil
        var entries = try lifecycleEntries(filter, cursor: cursor, forwards: forwards)
        let more = entries.count > LifecycleFilter.pageSize
        if more { entries.removeLast() }
        if forwards { entries.reverse() }
        return LifecyclePage(
            statusLogs: entries, hasNextPage: forwards ? filter.cursorBefore != nil : more,
            hasPreviousPage: forwards ? more : filter.cursorAfter != nil,
            startCursor: entries.first?.cursor, endCursor: entries.last?.cursor)
    }

    /// Up to one more than a page of entries from the cursor (exclusive), in scan order.
    private func lifecycleEntries(
        _ filter: LifecycleFilter, cursor: (Int64, UInt64)?, forwards: Bool
    ) throws -> [StatusLogEntry] {
        let prefix = IndexKey.company(filter.siret)
        var entries: [StatusLogEntry] = []
        var failure: (any Error)?
        let visit = { (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) -> Bool in
            guard key.count == prefix.count + 16, key.starts(with: prefix) else { return false }
            let at = IndexKey.instant(key, at: prefix.count)
            let position = IndexKey.number(key, at: prefix.count + 8)
            if let cursor, (at, position) == cursor { return true }
            if let after = filter.loggedAfter, at <= after { return forwards }
            if let before = filter.loggedBefore, at >= before { return !forwards }
            do {
                if let entry = try Self.entry(value, formId: filter.formId) {
                    entries.append(entry)
                }
            } catch {
                failure = error
                return false
            }
            return entries.count <= LifecycleFilter.pageSize
        }
        let start = cursor.map { IndexKey.lifecycle(filter.siret, loggedAt: $0.0, position: $0.1) }
        if forwards {
            try transaction.scan(databases.lifecycle, from: start ?? prefix, visit)
        } else {
            let last = IndexKey.lifecycle(filter.siret, loggedAt: .max, position: .max)
            try transaction.scanBackwards(databases.lifecycle, from: start ?? last, visit)
        }
        if let failure { throw failure }
        return entries
    }

    /// The stored entry, when it is about `formId` (or any BSD when nil).
    static func entry(_ value: UnsafeRawBufferPointer, formId: String?) throws -> StatusLogEntry? {
        let entry = try StatusLogEntry(jsonValue: CanonicalJSON.decode(JSONValue.self, from: value))
        return formId == nil || entry.formId == formId ? entry : nil
    }
}
