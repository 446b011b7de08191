import Domain
import Projections

extension StatisticsRecord {
    /// The contribution of BSD `state` when it counts: neither deleted nor canceled,
    /// picked up before `before` (µs), with a waste code and a quantity; the département
    /// comes from `department`.
    ///
    /// Only BSDs that carry a producer's waste count, so that no waste is counted twice and
    /// the collector is never taken for a producer: an annexe-2 regroupement (APPENDIX2)
    /// repeats the quantities of the initial BSDs it groups, which count themselves, and an
    /// annexe-1 container (APPENDIX1) sums its items (APPENDIX1_PRODUCER), which count
    /// themselves with their producers.
    public init?(
        _ state: FormState, pickedUpBefore before: Int64, department: (FormState) -> String
    ) {
        let emitter = state.content.emitter
        guard !state.isDeleted, state.status != .canceled,
            emitter.type != .appendix2, emitter.type != .appendix1,
            let pickup = state.firstPickupAt, pickup.microseconds < before,
            let code = state.content.wasteDetails.code,
            let quantity = state.content.wasteDetails.quantity
        else { return nil }
        self.init(
            orgId: emitter.company?.orgId, wasteCode: code, department: department(state),
            month: CivilCalendar.month(pickup.microseconds), grams: quantity.grams)
    }
}
