import Domain
import Projections
import Testing

@Suite struct FormsListTests {
    /// Ten sent BSDs f0…f9 (f0 oldest), custom ids on the even ones, waste code 17 02 01 on
    /// the multiples of three, and f9 received by the recipient.
    static func world() throws -> ProjectionWorld {
        let world = try ProjectionWorld()
        for index in 0..<10 {
            let content = Fixtures.content(
                customId: index % 2 == 0 ? "EVEN" : nil,
                code: index % 3 == 0 ? "17 02 01" : "16 01 07*")
            _ = try world.sent("f\(index)", content: content, minute: Int64(index) * 10)
        }
        var arrival = Reception()
        arrival.receivedAt = Fixtures.day
        arrival.receivedBy = "Lou"
        try world.run(.markReceived(arrival), on: "f9", as: Fixtures.recipient, minute: 200)
        return world
    }

    static func ids(_ world: ProjectionWorld, _ filter: FormsFilter) throws -> [String] {
        try world.queries.forms(filter, companies: [filter.siret]).map(\.id)
    }

    @Test func firstAndCursorAfterPageTowardsOlderBsds() throws {
        let world = try Self.world()
        var filter = FormsFilter(siret: Fixtures.emitter)
        filter.first = 4
        #expect(try Self.ids(world, filter) == ["f9", "f8", "f7", "f6"])
        filter.cursorAfter = "f6"
        #expect(try Self.ids(world, filter) == ["f5", "f4", "f3", "f2"])
        filter.cursorAfter = "f2"
        #expect(try Self.ids(world, filter) == ["f1", "f0"])
    }

    @Test func lastAndCursorBeforePageTowardsNewerBsds() throws {
        let world = try Self.world()
        var filter = FormsFilter(siret: Fixtures.transporter)
        filter.last = 3
        #expect(try Self.ids(world, filter) == ["f2", "f1", "f0"])
        filter.cursorBefore = "f2"
        #expect(try Self.ids(world, filter) == ["f5", "f4", "f3"])
        filter.cursorBefore = "f8"
        #expect(try Self.ids(world, filter) == ["f9"])
    }

    @Test func pageSizeIsBoundedAndDirectionsExcludeEachOther() throws {
        let world = try Self.world()
        var filter = FormsFilter(siret: Fixtures.emitter)
        filter.first = 101
        #expect(throws: QueryError.self) { try Self.ids(world, filter) }
        filter.first = 2
        filter.last = 2
        #expect(throws: QueryError.self) { try Self.ids(world, filter) }
    }

    @Test func everyFilterNarrowsTheList() throws {
        let world = try Self.world()
        var filter = FormsFilter(siret: Fixtures.recipient)
        filter.customId = "EVEN"
        #expect(try Self.ids(world, filter) == ["f8", "f6", "f4", "f2", "f0"])
        filter = FormsFilter(siret: Fixtures.recipient)
        filter.wasteCode = "17 02 01"
        #expect(try Self.ids(world, filter) == ["f9", "f6", "f3", "f0"])
        filter = FormsFilter(siret: Fixtures.recipient)
        filter.status = [.received]
        #expect(try Self.ids(world, filter) == ["f9"])
        filter.status = [.received, .sent]
        #expect(try Self.ids(world, filter).count == 10)
        filter = FormsFilter(siret: Fixtures.recipient)
        filter.roles = [.emitter]
        #expect(try Self.ids(world, filter).isEmpty)
        filter.roles = [.recipient]
        #expect(try Self.ids(world, filter).count == 10)
        filter = FormsFilter(siret: Fixtures.transporter)
        filter.roles = [.emitter, .transporter]
        #expect(try Self.ids(world, filter).count == 10)
        filter.hasNextStep = false
        #expect(try Self.ids(world, filter).count == 10)
        filter = FormsFilter(siret: Fixtures.recipient)
        filter.hasNextStep = false
        #expect(try Self.ids(world, filter).isEmpty)
        filter = FormsFilter(siret: Fixtures.recipient)
        filter.hasNextStep = true
        #expect(try Self.ids(world, filter).count == 10)
        filter = FormsFilter(siret: Fixtures.emitter)
        filter.hasNextStep = true
        #expect(try Self.ids(world, filter).isEmpty)
        filter = FormsFilter(siret: Fixtures.emitter)
        filter.siretPresentOnForm = Fixtures.trader
        #expect(try Self.ids(world, filter).isEmpty)
        filter.siretPresentOnForm = Fixtures.transporter
        #expect(try Self.ids(world, filter).count == 10)
    }

    @Test func updatedAfterAndSentAfterCompareInstants() throws {
        let world = try Self.world()
        var filter = FormsFilter(siret: Fixtures.emitter)
        filter.updatedAfter = Fixtures.day.microseconds + 100 * 60_000_000
        #expect(try Self.ids(world, filter) == ["f9"])
        filter = FormsFilter(siret: Fixtures.emitter)
        filter.sentAfter = Fixtures.day.microseconds + 45 * 60_000_000
        #expect(try Self.ids(world, filter) == ["f9", "f8", "f7", "f6", "f5"])
        filter.sentAfter = Fixtures.day.microseconds - 1
        #expect(try Self.ids(world, filter).count == 10)
    }

    @Test func formsLifeCycleListsStatusChangesNewestFirstWithActorAndDiff() throws {
        let world = try Self.world()
        let page = try world.queries.lifecycle(
            LifecycleFilter(siret: Fixtures.recipient), companies: [Fixtures.recipient])
        // The recipient sees each BSD from sealing on: sealed, signed, sent; and f9 received.
        #expect(page.count == 31)
        #expect(page.statusLogs.first?.status == .received)
        #expect(page.statusLogs.first?.userId == "user-\(Fixtures.recipient)")
        let loggedAt = page.statusLogs.map(\.loggedAt)
        #expect(loggedAt == loggedAt.sorted(by: >))
        var filter = LifecycleFilter(siret: Fixtures.emitter)
        filter.formId = "f3"
        let one = try world.queries.lifecycle(filter, companies: [Fixtures.emitter])
        #expect(one.statusLogs.map(\.status) == [.sent, .signedByProducer, .sealed, .draft])
    }

    @Test func formsLifeCycleCursorsAndTimeBoundsPage() throws {
        let world = try Self.world()
        var filter = LifecycleFilter(siret: Fixtures.emitter)
        filter.loggedAfter = Fixtures.day.microseconds + 45 * 60_000_000
        let recent = try world.queries.lifecycle(filter, companies: [Fixtures.emitter])
        #expect(recent.statusLogs.allSatisfy { $0.loggedAt > filter.loggedAfter! })
        #expect(recent.count == 21)
        var paged = LifecycleFilter(siret: Fixtures.emitter)
        paged.cursorAfter = recent.statusLogs[4].cursor
        let next = try world.queries.lifecycle(paged, companies: [Fixtures.emitter])
        #expect(next.statusLogs.first?.id == recent.statusLogs[5].id)
        #expect(next.hasPreviousPage)
        var back = LifecycleFilter(siret: Fixtures.emitter)
        back.cursorBefore = recent.statusLogs[5].cursor
        let previous = try world.queries.lifecycle(back, companies: [Fixtures.emitter])
        #expect(previous.statusLogs.map(\.id) == recent.statusLogs[0..<5].map(\.id))
    }
}
