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
}
