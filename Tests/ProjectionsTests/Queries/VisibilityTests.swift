import Domain
import Projections
import Testing

@Suite struct VisibilityTests {
    @Test func draftIsVisibleOnlyToItsAuthorsCompanyUntilSealed() throws {
        let world = try ProjectionWorld()
        try world.run(.create(Fixtures.content()), newId: "f1")
        #expect(try world.queries.form(id: "f1", companies: [Fixtures.emitter]) != nil)
        #expect(try world.queries.form(id: "f1", companies: [Fixtures.recipient]) == nil)
        let recipientList = try world.queries.forms(
            FormsFilter(siret: Fixtures.recipient), companies: [Fixtures.recipient])
        #expect(recipientList.isEmpty)
        try world.run(.seal, on: "f1", minute: 1)
        #expect(try world.queries.form(id: "f1", companies: [Fixtures.recipient]) != nil)
        let after = try world.queries.forms(
            FormsFilter(siret: Fixtures.recipient), companies: [Fixtures.recipient])
        #expect(after.map(\.id) == ["f1"])
    }

    @Test func unrelatedCompanyReadsNothingWhateverThePath() throws {
        let world = try ProjectionWorld()
        _ = try world.sent("f1")
        let stranger: Set<String> = [Fixtures.stranger]
        #expect(try world.queries.form(id: "f1", companies: stranger) == nil)
        let readable = try #require(
            try world.queries.form(id: "f1", companies: [Fixtures.emitter])?.readableId)
        #expect(try world.queries.form(readableId: readable, companies: stranger) == nil)
        #expect(
            try world.queries.forms(FormsFilter(siret: Fixtures.stranger), companies: stranger)
                .isEmpty)
        let log = try world.queries.lifecycle(
            LifecycleFilter(siret: Fixtures.stranger), companies: stranger)
        #expect(log.statusLogs.isEmpty)
        #expect(try world.history.events(formId: "f1", companies: stranger) == nil)
        #expect(
            try world.history.state(formId: "f1", asOf: .position(.max), companies: stranger) == nil
        )
    }

    @Test func listingAnotherCompanysBsdsIsRefused() throws {
        let world = try ProjectionWorld()
        _ = try world.sent("f1")
        #expect(throws: QueryError.companyNotAllowed(siret: Fixtures.emitter)) {
            try world.queries.forms(
                FormsFilter(siret: Fixtures.emitter), companies: [Fixtures.stranger])
        }
        #expect(throws: QueryError.companyNotAllowed(siret: Fixtures.emitter)) {
            try world.queries.lifecycle(
                LifecycleFilter(siret: Fixtures.emitter), companies: [Fixtures.stranger])
        }
    }

    @Test func cursorOfAnInvisibleBsdIsUnknown() throws {
        let world = try ProjectionWorld()
        try world.run(.create(Fixtures.content()), newId: "draft")
        _ = try world.sent("f1", minute: 10)
        var filter = FormsFilter(siret: Fixtures.recipient)
        filter.cursorAfter = "draft"
        #expect(throws: QueryError.unknownCursor("draft")) {
            try world.queries.forms(filter, companies: [Fixtures.recipient])
        }
    }

    @Test func deletedBsdLeavesEveryList() throws {
        let world = try ProjectionWorld()
        try world.run(.create(Fixtures.content(customId: "X")), newId: "f1")
        try world.run(.delete, on: "f1", minute: 1)
        #expect(try world.queries.form(id: "f1", companies: [Fixtures.emitter]) == nil)
        var filter = FormsFilter(siret: Fixtures.emitter)
        #expect(try world.queries.forms(filter, companies: [Fixtures.emitter]).isEmpty)
        filter.customId = "X"
        #expect(try world.queries.forms(filter, companies: [Fixtures.emitter]).isEmpty)
    }
}

/// A draft's readers follow the companies named on it of which its author is a member.
@Suite struct DraftReaderVisibilityTests {
    static let author: Set<String> = [Fixtures.emitter, Fixtures.transporter]

    @Test func aDraftNoLongerNamingTheActingCompanyStaysVisibleToTheAuthorsOtherOne() throws {
        let world = try ProjectionWorld()
        try world.run(.create(Fixtures.content()), newId: "f1", authorOrgIds: Self.author)
        for siret in [Fixtures.emitter, Fixtures.transporter] {
            #expect(try world.queries.form(id: "f1", companies: [siret]) != nil)
        }
        #expect(try world.queries.form(id: "f1", companies: [Fixtures.recipient]) == nil)
        var content = Fixtures.content()
        content.emitter.company = Fixtures.company(Fixtures.trader)
        try world.run(.update(content), on: "f1", minute: 1, authorOrgIds: Self.author)
        #expect(try world.queries.form(id: "f1", companies: [Fixtures.transporter]) != nil)
        #expect(try world.queries.form(id: "f1", companies: [Fixtures.emitter]) == nil)
        #expect(try world.queries.form(id: "f1", companies: [Fixtures.trader]) == nil)
        let listed = try world.queries.forms(
            FormsFilter(siret: Fixtures.transporter), companies: [Fixtures.transporter])
        #expect(listed.map(\.id) == ["f1"])
        let log = try world.queries.lifecycle(
            LifecycleFilter(siret: Fixtures.trader), companies: [Fixtures.trader])
        #expect(log.statusLogs.isEmpty)
    }

    @Test func theRebuiltProjectionHoldsTheSameDraftReaders() throws {
        let world = try ProjectionWorld()
        try world.run(.create(Fixtures.content()), newId: "f1", authorOrgIds: Self.author)
        var content = Fixtures.content()
        content.emitter.company = Fixtures.company(Fixtures.trader)
        try world.run(.update(content), on: "f1", minute: 1, authorOrgIds: Self.author)
        try world.run(.create(Fixtures.content()), minute: 2, newId: "f2")
        let rebuilder = ProjectionRebuilder(
            ledger: world.ledger, logger: world.ledger.options.logger)
        _ = try rebuilder.rebuild()
        let comparisons = try rebuilder.compareSlots(batch: 100)
        #expect(!comparisons.isEmpty)
        #expect(comparisons.allSatisfy { $0.differing == 0 && $0.active == $0.other })
        #expect(try world.queries.form(id: "f1", companies: [Fixtures.transporter]) != nil)
        #expect(try world.queries.form(id: "f1", companies: [Fixtures.emitter]) == nil)
        #expect(try world.queries.form(id: "f2", companies: [Fixtures.emitter]) != nil)
    }
}
