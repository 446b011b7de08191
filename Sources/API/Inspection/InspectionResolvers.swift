import GraphQL
import Identity
import Inspection
import Ledger
import Projections

/// The resolvers of the inspection queries: authenticate, check the inspector's grant (or
/// the caller's role in the company), read, record the read when it used inspector rights,
/// then answer.
struct InspectionResolvers: Sendable {
    let identity: IdentityService
    let gate: InspectionGate
    let reads: InspectionReads
    let downloads: DownloadTokens
    let statistics: StatisticsCache

    /// The resolvers over `ledger` (opened with the identity and forms projections).
    init(identity: IdentityService, ledger: Ledger, downloads: DownloadTokens) {
        self.identity = identity
        gate = InspectionGate(
            directory: InspectorDirectory(ledger: ledger), log: ControlLog(ledger: ledger))
        reads = InspectionReads(ledger: ledger)
        self.downloads = downloads
        statistics = StatisticsCache(reads: reads, identity: identity)
    }

    var queries: [String: FieldResolver] {
        [
            "controlFile": { @Sendable _, arguments, context, _ in
                try await controlFile(arguments, try ResolverSupport.context(context))
            },
            "traceabilityReport": { @Sendable _, arguments, context, _ in
                let context = try ResolverSupport.context(context)
                let (siret, report, options) = try await report(
                    arguments, context, "traceabilityReport")
                return InspectionViews.report(siret, report, options)
            },
            "traceabilityReportCsv": { @Sendable _, arguments, context, _ in
                let context = try ResolverSupport.context(context)
                let (siret, report, options) = try await report(
                    arguments, context, "traceabilityReportCsv")
                let file = TraceabilityCSV.file(siret: siret, report: report, at: options.now)
                let link = downloads.issue(.prepared(file, userId: try context.requireUser()))
                return JSON.object([
                    "token": JSON.string(link.token),
                    "downloadLink": JSON.string(link.downloadLink),
                ])
            },
            "companyControls": { @Sendable _, arguments, context, _ in
                try companyControls(arguments, try ResolverSupport.context(context))
            },
            "wasteStatistics": { @Sendable _, arguments, _, _ in
                try wasteStatistics(arguments)
            },
        ]
    }

    /// Runs a projection read, converting its failure.
    func read<T>(_ body: () throws -> T) throws(APIError) -> T {
        try APIError.fromQuery(body)
    }

    /// `[from, to)` in µs from optional `DateTime` arguments; no start is the epoch, no end
    /// is none. An empty range is BAD_USER_INPUT.
    static func period(_ arguments: JSONObject) throws(APIError) -> (Int64, Int64) {
        let from =
            try arguments.string("from").map { text throws(APIError) in
                try FormInputs.timestamp(text, path: "from").microseconds
            } ?? 0
        let to =
            try arguments.string("to").map { text throws(APIError) in
                try FormInputs.timestamp(text, path: "to").microseconds
            } ?? Int64.max
        guard from < to else { throw InputReader.error([("to", "CONFLICTING_FIELDS")]) }
        return (from, to)
    }
}
