import Domain
import Ledger
import Testing

@testable import Projections

/// The attachment index: which BSD names each transporter id, kept with the BSD's content
/// and rebuilt to the same bytes.
@Suite struct TransporterIndexTests {
    func transporter(_ id: String) -> Transporter {
        var transporter = Fixtures.content().transporters[0]
        transporter.id = id
        return transporter
    }

    func formId(_ world: ProjectionWorld, _ transporterId: String) throws -> String? {
        try world.queries.formId(transporterId: transporterId)
    }

    @Test func creationWithTransporterIdsAttachesThem() throws {
        let world = try ProjectionWorld()
        var content = Fixtures.content()
        content.transporters = [transporter("t1"), transporter("t2")]
        try world.run(.create(content), newId: "f1")
        try world.run(.create(Fixtures.content()), newId: "f2")
        #expect(try formId(world, "t1") == "f1")
        #expect(try formId(world, "t2") == "f1")
        #expect(try formId(world, "t") == nil)
        #expect(try formId(world, "t10") == nil)
        #expect(try world.queries.read { try $0.formId(transporterId: "t2") } == "f1")
    }

    @Test func updateAttachesAddedTransportersAndDetachesRemovedOnes() throws {
        let world = try ProjectionWorld()
        var content = Fixtures.content()
        content.transporters = [transporter("t1")]
        try world.run(.create(content), newId: "f1")
        content.transporters = [transporter("t2"), transporter("t3")]
        try world.run(.update(content), on: "f1", minute: 1)
        #expect(try formId(world, "t1") == nil)
        #expect(try formId(world, "t2") == "f1")
        #expect(try formId(world, "t3") == "f1")
        content.transporters = [Fixtures.content().transporters[0]]
        try world.run(.update(content), on: "f1", minute: 2)
        #expect(try formId(world, "t2") == nil)
        #expect(try formId(world, "t3") == nil)
        // The transporter sent without an id got the BSD's first number, and only it is left.
        #expect(try formId(world, "f1-1") == "f1")
        #expect(try RebuildTests.entries("transporter", .a, in: world.ledger).count == 1)
    }

    @Test func eachBSDKeepsItsOwnEntryEvenIfTwoNameOneId() throws {
        let world = try ProjectionWorld()
        var content = Fixtures.content()
        content.transporters = [transporter("t1")]
        try world.run(.create(content), newId: "f1")
        try world.run(.create(content), newId: "f2")
        content.transporters = []
        try world.run(.update(content), on: "f1", minute: 1)
        #expect(try formId(world, "t1") == "f2")
    }

    @Test func rebuiltIndexIsByteIdenticalToTheLiveOne() throws {
        let world = try ProjectionWorld()
        var content = Fixtures.content()
        content.transporters = [transporter("t1"), transporter("t2")]
        try world.run(.create(content), newId: "f1")
        content.transporters = [transporter("t2"), transporter("t3")]
        try world.run(.update(content), on: "f1", minute: 1)
        try world.run(.create(content), newId: "f2")
        try world.run(.delete, on: "f2", minute: 2)
        let (_, report) = try world.generate(seed: 3, commands: 300)
        let rebuilder = ProjectionRebuilder(
            ledger: world.ledger, logger: world.ledger.options.logger)
        let rebuilt = try rebuilder.rebuild()
        #expect(rebuilt.events == report.lastPosition)
        let live = try RebuildTests.entries("transporter", .a, in: world.ledger)
        let fresh = try RebuildTests.entries("transporter", rebuilt.slot, in: world.ledger)
        #expect(live.count > 3, "the workload's multimodal BSDs carry transporter ids")
        #expect(live.elementsEqual(fresh) { $0.0 == $1.0 && $0.1 == $1.1 })
        #expect(try formId(world, "t3") == "f1")
    }
}
