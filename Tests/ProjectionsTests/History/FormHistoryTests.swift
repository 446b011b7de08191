import Domain
import Projections
import Testing

@Suite struct FormHistoryTests {
    @Test func historyListsEveryEventWithPositionActorStatusAndDiff() throws {
        let world = try ProjectionWorld()
        try world.run(.create(Fixtures.content()), newId: "f1")
        var changed = Fixtures.content(customId: "NEW")
        changed.wasteDetails.quantity = Weight(grams: 2_000_000)
        try world.run(.update(changed), on: "f1", minute: 1)
        try world.run(.seal, on: "f1", minute: 2)
        let entries = try #require(
            try world.history.events(formId: "f1", companies: [Fixtures.emitter]))
        #expect(entries.map(\.type) == ["FormCreated", "FormUpdated", "FormSealed"])
        #expect(entries.map(\.streamVersion) == [0, 1, 2])
        #expect(entries.map(\.status) == [.draft, .draft, .sealed])
        #expect(entries[1].actor?.companyOrgId == Fixtures.emitter)
        let paths = Set(entries[1].changes.map(\.path))
        #expect(paths == ["customId", "wasteDetails.quantity"])
        #expect(entries.map(\.position) == entries.map(\.position).sorted())
    }

    @Test func stateAsOfAPositionOrATimeIsTheFoldUpToIt() throws {
        let world = try ProjectionWorld()
        _ = try world.sent("f1")
        let entries = try world.history.auditEvents(formId: "f1")
        let sealedAt = entries[1]
        let asOfPosition = try world.history.state(
            formId: "f1", asOf: .position(sealedAt.position), companies: [Fixtures.emitter])
        #expect(asOfPosition?.status == .sealed)
        #expect(asOfPosition?.version == 2)
        let asOfTime = try world.history.state(
            formId: "f1", asOf: .time(entries[2].recordedAt), companies: [Fixtures.emitter])
        #expect(asOfTime?.status == .signedByProducer)
        let before = try world.history.state(
            formId: "f1", asOf: .position(entries[0].position - 1), companies: [Fixtures.emitter])
        #expect(before == nil)
        let now = try world.history.state(
            formId: "f1", asOf: .position(.max), companies: [Fixtures.emitter])
        #expect(now == (try world.queries.form(id: "f1", companies: [Fixtures.emitter])))
    }
}
