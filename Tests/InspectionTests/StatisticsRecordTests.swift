import Domain
import Testing

@testable import Inspection

/// Which BSDs the statistics count: each producer's waste once, never the collector's
/// regroupements or collection rounds, which repeat it.
@Suite struct StatisticsRecordTests {
    static let pickup = Timestamp(year: 2026, month: 10, day: 5)
    static let before = Timestamp(year: 2026, month: 12, day: 1).microseconds

    /// A BSD of `emitter` with `tonnes` of 16 01 07*, picked up in October 2026.
    static func form(
        _ id: String, emitter: String, type: EmitterType, tonnes: Int64,
        status: FormStatus = .processed
    ) -> FormState {
        var state = FormState(id: id)
        state.exists = true
        state.status = status
        state.content.emitter.type = type
        var company = FormCompany()
        company.siret = emitter
        state.content.emitter.company = company
        state.content.wasteDetails.code = "16 01 07*"
        state.content.wasteDetails.quantity = .tonnes(tonnes)
        state.firstPickupAt = pickup
        return state
    }

    static func records(_ states: [FormState]) -> [StatisticsRecord] {
        states.compactMap {
            StatisticsRecord($0, pickedUpBefore: before, department: { _ in "69" })
        }
    }

    /// Four producers' BSDs grouped by collector C into an annexe-2 regroupement, and two
    /// producers' items on C's annexe-1 collection round.
    static var circuit: [FormState] {
        var states = (1...4).map { form("i\($0)", emitter: "P\($0)", type: .producer, tonnes: 1) }
        var group = form("group", emitter: "C", type: .appendix2, tonnes: 4)
        group.content.grouping = states.map {
            GroupingFraction(formId: $0.id, quantity: .tonnes(1))
        }
        states.append(group)
        for producer in 5...6 {
            var item = form(
                "item\(producer)", emitter: "P\(producer)", type: .appendix1Producer, tonnes: 2)
            item.appendix1ContainerId = "round"
            states.append(item)
        }
        var round = form("round", emitter: "C", type: .appendix1, tonnes: 4)
        round.content.grouping = [
            GroupingFraction(formId: "item5", quantity: nil),
            GroupingFraction(formId: "item6", quantity: nil),
        ]
        states.append(round)
        return states
    }

    @Test func regroupementsAndCollectionRoundsAreLeftOutAndTheirContentsCounted() {
        let records = Self.records(Self.circuit)
        #expect(records.count == 6)
        #expect(Set(records.compactMap(\.orgId)) == ["P1", "P2", "P3", "P4", "P5", "P6"])
        #expect(records.map(\.grams).reduce(0, +) == 8_000_000)
        #expect(records.allSatisfy { $0.month == "2026-10" && $0.department == "69" })
    }

    @Test func theCollectorDoesNotMakeUpTheFifthCompanyOfACell() {
        // Four producers only: their cell stays withheld although the collector's
        // regroupement names a fifth company.
        let grouped = Array(Self.circuit.prefix(5))
        let statistics = WasteStatistics(records: Self.records(grouped))
        let cell = StatisticsKey(month: "2026-10", waste: "16 01 07*", department: "")
        #expect(statistics.cells[cell]?.isSuppressed == true)
        // A fifth producer publishes it, with the initial BSDs' quantity counted once.
        let fifth = Self.form("i5", emitter: "P5", type: .producer, tonnes: 1)
        let published = WasteStatistics(records: Self.records(grouped + [fifth]))
        #expect(published.cells[cell]?.grams == 5_000_000)
        #expect(published.cells[cell]?.forms == 5)
    }

    @Test func deletedCanceledAndNotYetPickedUpBsdsAreLeftOut() {
        var deleted = Self.form("d", emitter: "P1", type: .producer, tonnes: 1)
        deleted.isDeleted = true
        let canceled = Self.form("c", emitter: "P2", type: .producer, tonnes: 1, status: .canceled)
        var waiting = Self.form("w", emitter: "P3", type: .producer, tonnes: 1, status: .sealed)
        waiting.firstPickupAt = nil
        var late = Self.form("l", emitter: "P4", type: .producer, tonnes: 1)
        late.firstPickupAt = Timestamp(microseconds: Self.before)
        let kept = Self.form("k", emitter: "P5", type: .other, tonnes: 1)
        #expect(Self.records([deleted, canceled, waiting, late, kept]).map(\.orgId) == ["P5"])
    }
}
