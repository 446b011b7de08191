import Domain
import Ledger

extension FormReader {
    /// The ids of every BSD that lists company `orgId` in its company index (the BSDs the
    /// company may read), oldest first, whoever asks: the caller checks access. An
    /// inspector's control file and traceability report read these.
    public func formIds(listedFor orgId: String) throws -> [String] {
        let prefix = IndexKey.company(orgId)
        var ids: [String] = []
        try transaction.scan(databases.company, from: prefix) { key, value in
            guard key.count == prefix.count + 8, key.starts(with: prefix) else { return false }
            if let summary = FormSummary(bytes: value) { ids.append(summary.formId) }
            return true
        }
        return ids
    }

    /// Up to `limit` BSDs in form id order after `after` (nil: from the first), whoever
    /// asks, and the id to continue after (nil at the end). For statistics over every BSD,
    /// a page per read transaction.
    public func states(after: String?, limit: Int) throws -> ([FormState], String?) {
        var ids: [String] = []
        var more = false
        let start: [UInt8] = after.map { Array($0.utf8) + [0] } ?? []
        try transaction.scan(databases.state, from: start) { key, _ in
            guard ids.count < limit else {
                more = true
                return false
            }
            ids.append(String(decoding: key, as: UTF8.self))
            return true
        }
        return (try ids.compactMap(state), more ? ids.last : nil)
    }
}
