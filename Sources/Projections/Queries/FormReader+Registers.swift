import Ledger

extension FormReader {
    /// Up to `limit` rows of `siret`'s `type` register dated in `[from, to)`, in date order,
    /// starting after the index key `after` (nil: from the start). Returns the rows and,
    /// when more may follow, the key to continue after.
    func registerRows(
        siret: String, type: RegisterType, from: Int64, to: Int64, after: [UInt8]?, limit: Int
    ) throws -> (rows: [RegisterRow], next: [UInt8]?) {
        var prefix = IndexKey.company(siret)
        IndexKey.appending(type.rawValue, to: &prefix)
        var start = prefix
        IndexKey.appending(instant: from, to: &start)
        if let after { start = after + [0] }
        var found: [(Int64, String)] = []
        var last: [UInt8]?
        try transaction.scan(databases.register, from: start) { key, value throws(LedgerError) in
            guard key.count == prefix.count + 16, key.starts(with: prefix) else { return false }
            let date = IndexKey.instant(key, at: prefix.count)
            guard date < to else { return false }
            found.append((date, String(decoding: value, as: UTF8.self)))
            last = Array(key)
            return found.count < limit
        }
        let rows = try found.compactMap { date, formId in
            try state(formId).map { RegisterRow(date: date, state: $0, type: type) }
        }
        return (rows, found.count == limit ? last : nil)
    }
}
