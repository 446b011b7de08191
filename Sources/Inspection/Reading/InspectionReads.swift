import Domain
import Ledger
import Projections

/// Reads the forms projection for the inspection features: a company's BSDs, the BSDs
/// their chains lead to, and every picked-up BSD for the statistics. Access is the
/// caller's business: nothing here filters by who asks.
public struct InspectionReads: Sendable {
    let queries: FormQueries
    let ledger: Ledger
    /// BSDs read per transaction when going through all of them.
    public var pageSize = 500

    /// Reads over a ledger opened with the forms projection.
    public init(ledger: Ledger) {
        queries = FormQueries(ledger: ledger)
        self.ledger = ledger
    }

    /// The file of company `orgId` over `[from, to)` (µs).
    public func controlFile(orgId: String, from: Int64, to: Int64) throws -> ControlFile {
        try queries.read { reader in
            let states = try reader.formIds(listedFor: orgId).compactMap(reader.state)
            return ControlFile(orgId: orgId, from: from, to: to, states: states)
        }
    }

    /// The traceability report over the BSDs of company `orgId`: its BSDs and the BSDs
    /// their chains lead to are read in one read transaction, so the report sees one state
    /// of the ledger. For every company (`orgId` nil, every BSD a subject), the subjects are
    /// read a page per transaction (``allStates()``, as the statistics do, so no reader
    /// holds a transaction across the whole ledger) and the linked BSDs in one more.
    public func traceability(
        orgId: String?, options: TraceabilityOptions
    ) throws -> TraceabilityReport {
        guard let orgId else {
            let subjects = try allStates()
            return try queries.read { reader in
                try Self.report(subjects, options, reader)
            }
        }
        return try queries.read { reader in
            let subjects = try reader.formIds(listedFor: orgId).compactMap(reader.state)
            return try Self.report(subjects, options, reader)
        }
    }

    /// The report over `subjects`, loading the BSDs their chains lead to with `reader`.
    private static func report(
        _ subjects: [FormState], _ options: TraceabilityOptions, _ reader: FormReader
    ) throws -> TraceabilityReport {
        var failure: (any Error)?
        let report = TraceabilityReport(subjects: subjects, options: options) { id in
            do { return try reader.state(id) } catch {
                failure = failure ?? error
                return nil
            }
        }
        if let failure { throw failure }
        return report
    }

    /// The statistics records of every BSD picked up before `before` (µs): the emitter,
    /// the waste code, the département `department` gives and the declared quantity; the
    /// BSDs that repeat other BSDs' waste (annexe-2 regroupements, annexe-1 containers) are
    /// left out (``StatisticsRecord/init(_:pickedUpBefore:department:)``).
    public func statisticsRecords(
        before: Int64, department: (FormState) -> String
    ) throws -> [StatisticsRecord] {
        try allStates().compactMap { state in
            StatisticsRecord(state, pickedUpBefore: before, department: department)
        }
    }

    /// Every BSD, a page per read transaction.
    func allStates() throws -> [FormState] {
        var all: [FormState] = []
        var after: String?
        repeat {
            let (page, next) = try queries.read { reader in
                try reader.states(after: after, limit: pageSize)
            }
            all += page
            after = next
        } while after != nil
        return all
    }
}

extension InspectionReads {
    /// The ledger's last position: what the statistics cache compares to know whether
    /// anything changed.
    public func headPosition() throws -> UInt64 {
        try ledger.head().position
    }
}
