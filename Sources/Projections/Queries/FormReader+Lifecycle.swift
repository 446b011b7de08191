import CanonicalJSON
import Domain
import Ledger

extension FormReader {
    /// One page of `formsLifeCycle` for `filter.siret`: newest first, served by a range of
    /// the company's status-log index (the time bounds and cursors are key bounds).
    public func lifecycle(_ filter: LifecycleFilter, companies: Set<String>) throws -> LifecyclePage
    {
        try checkMember(filter.siret, companies)
        let prefix = IndexKey.company(filter.siret)
        var cursor: (Int64, UInt64)?
        if let text = filter.cursorAfter ?? filter.cursorBefore {
            guard let parsed = StatusLogEntry.parse(cursor: text) else {
                throw QueryError.unknownCursor(text)
            }
            cursor = parsed
        }
        let forwards = filter.cursorBefore != nil
        var entries: [StatusLogEntry] = []
        var failure: (any Error)?
        let visit = { (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) -> Bool in
            guard key.count == prefix.count + 16, key.starts(with: prefix) else { return false }
            let at = IndexKey.instant(key, at: prefix.count)
            let position = IndexKey.number(key, at: prefix.count + 8)
            if let (cursorAt, cursorPosition) = cursor, (at, position) == (cursorAt, cursorPosition)
            {
                return true
            }
            if let after = filter.loggedAfter, at <= after { return forwards }
            if let before = filter.loggedBefore, at >= before { return !forwards }
            do {
                let entry = try CanonicalJSON.decode(JSONValue.self, from: value)
                let decoded = try StatusLogEntry(jsonValue: entry)
                if filter.formId == nil || decoded.formId == filter.formId {
                    entries.append(decoded)
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
            try transaction.scanBackwards(
                databases.lifecycle,
                from: start
                    ?? IndexKey.lifecycle(
                        filter.siret, loggedAt: .max, position: .max), visit)
        }
        if let failure { throw failure }
        let more = entries.count > LifecycleFilter.pageSize
        if more { entries.removeLast() }
        if forwards { entries.reverse() }
        return LifecyclePage(
            statusLogs: entries, hasNextPage: forwards ? filter.cursorBefore != nil : more,
            hasPreviousPage: forwards ? more : filter.cursorAfter != nil,
            startCursor: entries.first?.cursor, endCursor: entries.last?.cursor)
    }
}
