import Domain
import Ledger
import Testing

@testable import Projections

/// The standalone transporter service over a real ledger: its stream, its refusals, and
/// its view of the BSD that names it.
@Suite struct FormTransportersTests {
    let actor = Fixtures.actor(Fixtures.transporter)

    func transporter(plate: String = "AB-123-CD") -> Transporter {
        var transporter = Transporter()
        transporter.company = Fixtures.company(Fixtures.transporter)
        transporter.mode = .road
        transporter.numberPlates = [plate]
        return transporter
    }

    @Test func createUpdateDeleteAppendToTheTransportersStream() async throws {
        let world = try ProjectionWorld()
        let service = FormTransporters(ledger: world.ledger)
        let created = try await service.create(
            transporter(), actor: actor, now: Fixtures.day, id: "t1")
        #expect(created.version == 1 && created.transporter.id == "t1")
        let updated = try await service.update(
            id: "t1", transporter(plate: "XY-987-ZT"), actor: actor, now: Fixtures.day)
        #expect(updated.transporter.numberPlates == ["XY-987-ZT"])
        let deleted = try await service.delete(id: "t1", actor: actor, now: Fixtures.day)
        #expect(deleted.isDeleted)
        let events = try world.ledger.readStream("bsdd-transporter-t1")
        #expect(
            events.map(\.type) == [
                "FormTransporterCreated", "FormTransporterUpdated", "FormTransporterDeleted",
            ])
        #expect(events.allSatisfy { $0.metadata.actingCompany == Fixtures.transporter })
        let state = try #require(try service.state(id: "t1"))
        #expect(state == deleted)
        #expect(state.createdBy == actor)
        #expect(try service.state(id: "nobody") == nil)
    }

    @Test func deletedTransporterRefusesUpdateAndDeletion() throws {
        let world = try ProjectionWorld()
        let service = FormTransporters(ledger: world.ledger)
        _ = try service.executeWaiting(
            .create(transporter()), id: "t1", actor: actor, now: Fixtures.day)
        _ = try service.executeWaiting(.delete, id: "t1", actor: actor, now: Fixtures.day)
        let head = try world.ledger.head().position
        #expect(throws: FormTransporterError.domain(.transporterDeleted(id: "t1"))) {
            try service.executeWaiting(
                .update(transporter()), id: "t1", actor: actor, now: Fixtures.day)
        }
        #expect(throws: FormTransporterError.domain(.transporterDeleted(id: "t1"))) {
            try service.executeWaiting(.delete, id: "t1", actor: actor, now: Fixtures.day)
        }
        #expect(try world.ledger.head().position == head)
    }

    @Test func secondCreationWithTheSameIdIsRefused() throws {
        let world = try ProjectionWorld()
        let service = FormTransporters(ledger: world.ledger)
        _ = try service.executeWaiting(
            .create(transporter()), id: "t1", actor: actor, now: Fixtures.day)
        #expect(throws: FormTransporterError.domain(.transporterAlreadyExists(id: "t1"))) {
            try service.executeWaiting(
                .create(transporter()), id: "t1", actor: actor, now: Fixtures.day)
        }
    }

    @Test func concurrentChangeOfTheSameTransporterIsAConflict() throws {
        let world = try ProjectionWorld()
        let service = FormTransporters(ledger: world.ledger)
        _ = try service.executeWaiting(
            .create(transporter()), id: "t1", actor: actor, now: Fixtures.day)
        let first = try service.prepare(
            .update(transporter(plate: "XY-987-ZT")), id: "t1", actor: actor, now: Fixtures.day,
            nil, nil)
        let second = try service.prepare(
            .delete, id: "t1", actor: actor, now: Fixtures.day, nil, nil)
        _ = try world.ledger.appendWaiting([try #require(first.1)])
        let stale = try #require(second.1)
        do {
            _ = try world.ledger.appendWaiting([stale])
            Issue.record("the stale append must fail")
        } catch {
            #expect(
                FormTransporters.mapped(error)
                    == .conflict(stream: "bsdd-transporter-t1", expected: .exact(0), actual: 1))
        }
        #expect(try service.state(id: "t1")?.isDeleted == false)
        #expect(try service.state(id: "t1")?.version == 2)
    }

    @Test func aChangeBuiltOnAStaleStateIsAConflictAndWritesNothing() async throws {
        let world = try ProjectionWorld()
        let service = FormTransporters(ledger: world.ledger)
        let read = try await service.create(
            transporter(), actor: actor, now: Fixtures.day, id: "t1")
        _ = try await service.update(
            id: "t1", transporter(plate: "NE-111-WW"), actor: actor, now: Fixtures.day)
        let head = try world.ledger.head().position
        await #expect(
            throws: FormTransporterError.conflict(
                stream: "bsdd-transporter-t1", expected: .exact(0), actual: 1)
        ) {
            try await service.update(
                id: "t1", transporter(plate: "OL-222-DD"), actor: actor, now: Fixtures.day,
                checkedVersion: read.version)
        }
        await #expect(throws: FormTransporterError.self) {
            try await service.delete(
                id: "t1", actor: actor, now: Fixtures.day, checkedVersion: read.version)
        }
        #expect(try world.ledger.head().position == head)
        #expect(try service.state(id: "t1")?.transporter.numberPlates == ["NE-111-WW"])
    }

    @Test func racingCreationsOfOneIdEndInOneConflict() throws {
        let world = try ProjectionWorld()
        let service = FormTransporters(ledger: world.ledger)
        let first = try service.prepare(
            .create(transporter()), id: "t1", actor: actor, now: Fixtures.day, nil, nil)
        let second = try service.prepare(
            .create(transporter(plate: "XY-987-ZT")), id: "t1", actor: actor, now: Fixtures.day,
            nil, nil)
        _ = try world.ledger.appendWaiting([try #require(first.1)])
        #expect(throws: LedgerError.self) {
            try world.ledger.appendWaiting([try #require(second.1)])
        }
        #expect(try service.state(id: "t1")?.transporter.numberPlates == ["AB-123-CD"])
    }

    @Test func malformedFieldsAreRefusedWithTheirPaths() throws {
        let world = try ProjectionWorld()
        let service = FormTransporters(ledger: world.ledger)
        var bad = transporter(plate: "A")
        bad.company?.siret = "123"
        #expect(
            throws: FormTransporterError.domain(
                .validationFailed([
                    ValidationIssue("company.siret", .invalidSiret),
                    ValidationIssue("numberPlates", .invalidPlate),
                ]))
        ) {
            try service.executeWaiting(.create(bad), id: "t1", actor: actor, now: Fixtures.day)
        }
        #expect(try world.ledger.readStream("bsdd-transporter-t1").isEmpty)
    }

    @Test func transporterOnABSDChangesOnlyWithThatBSD() throws {
        let world = try ProjectionWorld()
        let service = FormTransporters(ledger: world.ledger)
        let created = try service.executeWaiting(
            .create(transporter()), id: "t1", actor: actor, now: Fixtures.day)
        var content = Fixtures.content()
        content.transporters = [created.transporter]
        try world.run(.create(content), newId: "f1")
        #expect(try service.state(id: "t1")?.formId == "f1")
        #expect(throws: FormTransporterError.domain(.transporterAttached(id: "t1", formId: "f1"))) {
            try service.executeWaiting(
                .update(transporter(plate: "XY-987-ZT")), id: "t1", actor: actor,
                now: Fixtures.day)
        }
        #expect(throws: FormTransporterError.domain(.transporterAttached(id: "t1", formId: "f1"))) {
            try service.executeWaiting(.delete, id: "t1", actor: actor, now: Fixtures.day)
        }
    }
}
