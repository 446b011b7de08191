import GraphQL
import Inspection
import Ledger

extension InspectionResolvers {
    /// The traceability report of `siret` for an inspector covering it, with the options it
    /// was made with; before it is answered, the read is recorded under `operation` in one
    /// append on `siret` and on every company the report names (the treating companies of
    /// its final treatments).
    func report(
        _ arguments: JSONObject, _ context: RequestContext, _ operation: String
    ) async throws(APIError) -> (String, TraceabilityReport, TraceabilityOptions) {
        _ = try context.requireUser()
        let siret = arguments.string("siret") ?? ""
        let options = try Self.options(arguments, now: Timestamp.now())
        let grant = try gate.require(context, for: siret)
        let report = try read { try reads.traceability(orgId: siret, options: options) }
        try await gate.record(
            grant, context, operation: operation, orgIds: report.namedOrgIds.union([siret]))
        return (siret, report, options)
    }

    /// The report's options from `delays` (hours per step, at least 0) and
    /// `quantityTolerance` (a fraction, at least 0).
    static func options(_ arguments: JSONObject, now: Int64) throws(APIError) -> TraceabilityOptions
    {
        var options = TraceabilityOptions(now: now)
        if case .list(let items)? = arguments["delays"] {
            for (index, item) in items.enumerated() {
                guard case .object(let delay) = item,
                    let step = TraceabilityStep(rawValue: delay.string("step") ?? ""),
                    let hours = number(delay["hours"]), hours >= 0, hours < 1_000_000
                else { throw InputReader.error([("delays.\(index)", "INVALID_VALUE")]) }
                options.delays[step] = Int64((hours * 3_600_000_000).rounded())
            }
        }
        if let tolerance = number(arguments["quantityTolerance"]) {
            guard tolerance >= 0, tolerance.isFinite else {
                throw InputReader.error([("quantityTolerance", "INVALID_VALUE")])
            }
            options.quantityTolerance = tolerance
        }
        return options
    }

    /// A Float argument (an Int literal is a Float too).
    private static func number(_ value: JSON?) -> Double? {
        switch value {
        case .double(let number)?: number
        case .int(let number)?: Double(number)
        default: nil
        }
    }
}
