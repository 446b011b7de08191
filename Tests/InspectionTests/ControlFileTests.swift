import Domain
import Inspection
import Projections
import Testing

@Suite struct ControlFileTests {
    static let now = Timestamp(year: 2026, month: 12, day: 1).microseconds

    /// A BSD of producer P to recipient R, 1 t, in `status`.
    static func form(_ id: String, _ status: FormStatus) -> FormState {
        var state = TraceabilityReportTests.form(id, status)
        state.content.wasteDetails.quantity = .tonnes(1)
        return state
    }

    @Test func draftsAreLeftOutOfTheFile() {
        let draft = Self.form("draft", .draft)
        var sent = Self.form("sent", .sent)
        sent.firstPickupAt = Timestamp(microseconds: Self.now - 86_400_000_000)
        let file = ControlFile(orgId: "P", from: 0, to: Int64.max, states: [draft, sent])
        #expect(file.forms.map(\.state.id) == ["sent"])
        let counts = file.counts.map { "\($0.role.rawValue) \($0.status.rawValue) \($0.count)" }
        #expect(counts == ["EMITTER SENT 1"])
        #expect(file.flows.map(\.outgoingForms) == [1])
        // The recipient's file leaves the draft out as well.
        let recipient = ControlFile(orgId: "R", from: 0, to: Int64.max, states: [draft, sent])
        #expect(recipient.forms.map(\.state.id) == ["sent"])
    }

    /// P's 2 t picked up 12 days ago for the temporary storer S, received there 10 days ago
    /// (1.8 t), sent on 6 days ago as 1.5 t to F, received at F 5 days ago (1.5 t, 0.1 t
    /// refused).
    static func stored() -> FormState {
        var state = TraceabilityReportTests.temporarilyStored(
            "stored", stored: 1_800_000, onward: 1_500_000, final: 1_500_000)
        state.content.recipient.company?.siret = "S"
        state.firstPickupAt = TraceabilityReportTests.at(12)
        var destination = Recipient()
        var company = FormCompany()
        company.siret = "F"
        destination.company = company
        state.temporaryStorage?.destination = destination
        state.temporaryStorage?.transport = TransportSignature(
            number: 1, takenOverAt: TraceabilityReportTests.at(6), takenOverBy: "T")
        state.reception?.quantityRefused = Weight(grams: 100_000)
        return state
    }

    /// The flow of `orgId`'s file over `[from, to)` as (incoming, forms, outgoing, forms).
    static func flow(
        _ orgId: String, _ states: [FormState], from: Int64 = 0, to: Int64 = Int64.max
    ) -> [Int64] {
        let file = ControlFile(orgId: orgId, from: from, to: to, states: states)
        guard let flow = file.flows.first else { return [] }
        #expect(file.flows.count == 1)
        #expect(flow.wasteCode == "16 01 07*")
        return [
            flow.incoming.grams, Int64(flow.incomingForms), flow.outgoing.grams,
            Int64(flow.outgoingForms),
        ]
    }

    @Test func theStorerAndTheFinalDestinationEachCountWhatTheyAccepted() {
        var direct = TraceabilityReportTests.form("direct", .accepted)
        direct.firstPickupAt = TraceabilityReportTests.at(4)
        TraceabilityReportTests.received(&direct, grams: 1_000_000, daysAgo: 3)
        let states = [Self.stored(), direct]
        // S took in what it accepted and sent on the repackaged 1.5 t.
        #expect(Self.flow("S", states) == [1_800_000, 1, 1_500_000, 1])
        // F counts what it accepted of the onward journey: 1.5 t less 0.1 t refused.
        #expect(Self.flow("F", states) == [1_400_000, 1, 0, 0])
        // The direct destination counts its reception; P counts both pickups.
        #expect(Self.flow("R", states) == [1_000_000, 1, 0, 0])
        #expect(Self.flow("P", states) == [0, 0, 2_000_000 + 2_000_000, 2])
        let roles = ControlFile(orgId: "F", from: 0, to: Int64.max, states: states).forms
        #expect(roles.map(\.state.id) == ["stored"])
    }

    @Test func aPeriodCountsOnlyTheFlowsInsideIt() {
        let states = [Self.stored()]
        let at = TraceabilityReportTests.at
        // Days 11 to 7 before now: S's reception (day 10) in, its sending on (day 6) out.
        #expect(
            Self.flow("S", states, from: at(11).microseconds, to: at(7).microseconds)
                == [1_800_000, 1, 0, 0])
        // Days 8 to now: the other way round.
        #expect(
            Self.flow("S", states, from: at(8).microseconds, to: Self.now)
                == [0, 0, 1_500_000, 1])
        // P's pickup (day 12) falls outside days 11 to now, yet the BSD changed inside it.
        let file = ControlFile(orgId: "P", from: at(11).microseconds, to: Self.now, states: states)
        #expect(file.forms.map(\.state.id) == ["stored"])
        #expect(file.flows.isEmpty)
        // A BSD created after the period, or unchanged since before it, is not in the file.
        let before = ControlFile(orgId: "P", from: 0, to: at(61).microseconds, states: states)
        #expect(before.forms.isEmpty)
        let after = ControlFile(orgId: "P", from: Self.now, to: Int64.max, states: states)
        #expect(after.forms.isEmpty)
    }
}
