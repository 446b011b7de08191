import Domain

/// Streams a company's register for a date range into a ``RegisterSink``, a few hundred
/// rows per read transaction, so neither memory nor a transaction grows with the register.
public struct RegisterExport: Sendable {
    let queries: FormQueries
    /// Rows read per transaction.
    public var pageSize = 500

    /// Makes the exporter over a ledger opened with a ``FormsProjection``.
    public init(queries: FormQueries) {
        self.queries = queries
    }

    /// Midnight UTC of a `yyyy-MM-dd` day in µs, for date ranges given as text; nil when
    /// malformed or not a real day.
    public static func day(_ text: String) -> Int64? {
        CivilDate.parse(text)
    }

    /// Writes `siret`'s `type` register for instants in `[from, to)` (µs) into `sink` and
    /// returns the number of rows. The caller must have checked that the user may read
    /// registers for the company; `companies` must contain `siret`.
    public func write(
        siret: String, type: RegisterType, from: Int64, to: Int64, companies: Set<String>,
        into sink: inout some RegisterSink
    ) throws -> Int {
        guard companies.contains(siret) else { throw QueryError.companyNotAllowed(siret: siret) }
        try sink.begin(columns: RegisterColumns.all.map(\.label))
        var after: [UInt8]?
        var count = 0
        while true {
            let (rows, next) = try queries.read { reader in
                try reader.registerRows(
                    siret: siret, type: type, from: from, to: to, after: after, limit: pageSize)
            }
            for row in rows { try sink.write(row.cells) }
            count += rows.count
            guard let next else { break }
            after = next
        }
        try sink.finish()
        return count
    }
}
