import Domain
import Ledger

extension FormReader {
    /// One page of `forms` for `filter.siret`, newest first, served from the most selective
    /// index the filter allows (custom id, then waste code, a single status, the BSDs
    /// awaiting the company's next step, a single role, else the company's whole list); the
    /// other filters are checked on each entry's summary, so no BSD is read that is not
    /// returned.
    public func forms(_ filter: FormsFilter, companies: Set<String>) throws -> [FormState] {
        try checkMember(filter.siret, companies)
        let (limit, backwards) = try Self.page(filter)
        let (database, prefix) = index(for: filter)
        var bound: UInt64?
        if let cursor = filter.cursorAfter ?? filter.cursorBefore {
            guard let (row, state) = try row(cursor), try readers(of: state).contains(filter.siret)
            else { throw QueryError.unknownCursor(cursor) }
            bound = row
        }
        var ids: [String] = []
        let visit = { (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) -> Bool in
            guard key.count == prefix.count + 8, key.starts(with: prefix) else { return false }
            if let summary = FormSummary(bytes: value), filter.accepts(summary) {
                ids.append(summary.formId)
            }
            return ids.count < limit
        }
        if backwards {
            let start = bound.map { $0 == 0 ? nil : $0 - 1 } ?? UInt64.max
            if let start {
                try transaction.scanBackwards(database, from: prefix + Self.bytes(start), visit)
            }
        } else {
            let start = bound.map { $0 == .max ? nil : $0 + 1 } ?? 0
            if let start { try transaction.scan(database, from: prefix + Self.bytes(start), visit) }
            ids.reverse()
        }
        return try ids.compactMap(state)
    }

    /// The page size and direction: `first`/`cursorAfter` go backwards through rows
    /// (towards older BSDs), `last`/`cursorBefore` forwards.
    static func page(_ filter: FormsFilter) throws -> (Int, Bool) {
        if filter.first != nil && filter.last != nil {
            throw QueryError.invalidArgument(
                name: "last", reason: "first and last exclude each other")
        }
        if filter.cursorAfter != nil && filter.cursorBefore != nil {
            throw QueryError.invalidArgument(
                name: "cursorBefore", reason: "cursorAfter and cursorBefore exclude each other")
        }
        let forwards = filter.last != nil || filter.cursorBefore != nil
        let size = filter.first ?? filter.last ?? FormsFilter.defaultPage
        guard (1...FormsFilter.maximumPage).contains(size) else {
            throw QueryError.invalidArgument(
                name: filter.last != nil ? "last" : "first", reason: "between 1 and 100")
        }
        return (size, !forwards)
    }

    private func index(for filter: FormsFilter) -> (Database, [UInt8]) {
        var prefix = IndexKey.company(filter.siret)
        if let custom = filter.customId {
            IndexKey.appending(custom, to: &prefix)
            return (databases.custom, prefix)
        }
        if let code = filter.wasteCode {
            IndexKey.appending(code, to: &prefix)
            return (databases.waste, prefix)
        }
        if let statuses = filter.status, statuses.count == 1, let status = statuses.first {
            IndexKey.appending(status.rawValue, to: &prefix)
            return (databases.status, prefix)
        }
        if filter.hasNextStep == true { return (databases.nextStep, prefix) }
        if let roles = filter.roles, roles.count == 1, let role = roles.first {
            IndexKey.appending(role.rawValue, to: &prefix)
            return (databases.role, prefix)
        }
        return (databases.company, prefix)
    }

    static func bytes(_ value: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        IndexKey.appending(value, to: &out)
        return out
    }
}
