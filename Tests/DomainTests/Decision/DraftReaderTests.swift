import Domain
import Testing

/// Who reads a draft (reference §5): the companies named on it of which its author is a
/// member, recorded by the creation and by each update that changes them.
@Suite struct DraftReaderTests {
    static let author: Set<String> = [
        Fixtures.emitterSiret, Fixtures.transporterSiret, Fixtures.storerSiret,
    ]

    static func created(_ world: inout TestWorld) throws -> String {
        world.authorOrgIds = author
        return try world.create()
    }

    @Test func creationRecordsTheNamedCompaniesTheAuthorBelongsTo() throws {
        var world = TestWorld()
        let id = try Self.created(&world)
        guard case .formCreated(let event) = world.log.last else {
            Issue.record("no FormCreated")
            return
        }
        let expected = [Fixtures.transporterSiret, Fixtures.emitterSiret].sorted()
        #expect(event.draftReaderOrgIds == expected)
        #expect(world.forms[id]?.draftReaderOrgIds == expected)
    }

    @Test func anUpdateNamingOtherCompaniesRecordsTheNewReaders() throws {
        var world = TestWorld()
        let id = try Self.created(&world)
        var content = Fixtures.content()
        content.emitter.company = Fixtures.company(Fixtures.traderSiret, "Autre producteur")
        let events = try world.run(.update(content), on: id)
        guard case .formUpdated(let event) = events.first else {
            Issue.record("no FormUpdated")
            return
        }
        #expect(event.draftReaderOrgIds == [Fixtures.transporterSiret])
        #expect(world.forms[id]?.draftReaderOrgIds == [Fixtures.transporterSiret])
    }

    @Test func anUpdateLeavingTheReadersAloneRecordsNone() throws {
        var world = TestWorld()
        let id = try Self.created(&world)
        var content = Fixtures.content()
        content.customId = "INT-7"
        let events = try world.run(.update(content), on: id)
        guard case .formUpdated(let event) = events.first else {
            Issue.record("no FormUpdated")
            return
        }
        #expect(event.draftReaderOrgIds == nil)
        #expect(world.forms[id]?.draftReaderOrgIds?.count == 2)
    }

    @Test func theAuthorsNewMembershipsCountAtTheNextChange() throws {
        var world = TestWorld()
        let id = try Self.created(&world)
        world.authorOrgIds = [Fixtures.recipientSiret]
        var content = Fixtures.content()
        content.customId = "INT-8"
        try world.run(.update(content), on: id)
        #expect(world.forms[id]?.draftReaderOrgIds == [Fixtures.recipientSiret])
    }

    @Test func nothingIsRecordedWithoutTheAuthorsCompaniesNorAfterTheDraft() throws {
        var world = TestWorld()
        let id = try world.create()
        #expect(world.forms[id]?.draftReaderOrgIds == nil)
        let sealedId = try Self.created(&world)
        try world.run(.seal, on: sealedId)
        var content = Fixtures.content()
        content.emitter.company = Fixtures.company(Fixtures.traderSiret, "Autre producteur")
        world.authorOrgIds = [Fixtures.traderSiret]
        let events = try world.run(.update(content), on: sealedId, as: Fixtures.recipientActor)
        guard case .formUpdated(let event) = events.first else {
            Issue.record("no FormUpdated")
            return
        }
        #expect(event.draftReaderOrgIds == nil)
    }

    @Test func theReadersSurviveTheEventCodec() throws {
        var world = TestWorld()
        let id = try Self.created(&world)
        var content = Fixtures.content()
        content.emitter.company = Fixtures.company(Fixtures.traderSiret, "Autre producteur")
        try world.run(.update(content), on: id)
        for event in world.log {
            let decoded = try DomainEvent.decode(
                type: event.type, schemaVersion: event.schemaVersion, payload: event.payload)
            #expect(decoded == event)
            switch event {
            case .formCreated(let created):
                #expect(try FormCreated(jsonValue: created.jsonValue) == created)
            case .formUpdated(let updated):
                #expect(updated.draftReaderOrgIds == [Fixtures.transporterSiret])
                #expect(try FormUpdated(jsonValue: updated.jsonValue) == updated)
            default:
                break
            }
        }
    }
}
