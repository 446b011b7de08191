import Domain
import Identity
import Inspection
import Ledger
import Projections
import Synchronization

/// The protected statistics cube, computed from every BSD at most once per
/// ``minimumAge`` and only when the ledger moved or a month closed: the query is public,
/// and a full pass over the BSDs is not something to do per request.
final class StatisticsCache: Sendable {
    private struct Entry {
        var position: UInt64
        var month: String
        var computedAt: ContinuousClock.Instant
        var statistics: WasteStatistics
    }

    /// How long a cube is served before the ledger's changes are looked at again.
    static let minimumAge: Duration = .seconds(10)
    let reads: InspectionReads
    let identity: IdentityService
    private let entry = Mutex<Entry?>(nil)

    init(reads: InspectionReads, identity: IdentityService) {
        self.reads = reads
        self.identity = identity
    }

    /// The cube over the months closed today (months before the current UTC month: a
    /// month still open would change under the readers' eyes, and two readings a day apart
    /// would give one company's BSDs away by difference).
    func current() throws(APIError) -> WasteStatistics {
        let now = Timestamp.now()
        let month = CivilCalendar.month(now)
        let position: UInt64
        do { position = try reads.headPosition() } catch {
            throw APIError(QueryError.wrapping(error))
        }
        let instant = ContinuousClock.now
        if let cached = entry.withLock({ $0 }), cached.month == month,
            cached.position == position || instant - cached.computedAt < Self.minimumAge
        {
            return cached.statistics
        }
        let firstOfMonth = CivilCalendar.parseDay(month + "-01") ?? now
        let records: [StatisticsRecord]
        do {
            records = try reads.statisticsRecords(before: firstOfMonth, department: department)
        } catch { throw APIError(QueryError.wrapping(error)) }
        let statistics = WasteStatistics(records: records)
        entry.withLock {
            $0 = Entry(
                position: position, month: month, computedAt: instant, statistics: statistics)
        }
        return statistics
    }

    /// The emitter's département: its work site's postal code, else its address on the
    /// BSD, else the address of its registered company.
    private func department(_ state: FormState) -> String {
        let emitter = state.content.emitter
        if let code = emitter.workSite?.postalCode, let found = Department.of(postalCode: code) {
            return found
        }
        if let address = emitter.company?.address, let found = Department.of(address: address) {
            return found
        }
        if let orgId = emitter.company?.orgId, let company = try? identity.queries.company(orgId),
            let found = Department.of(address: company.profile.address)
        {
            return found
        }
        return WasteStatistics.unknownDepartment
    }
}
