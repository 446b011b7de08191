import Domain
import Testing

/// The standalone transporter's decider and fold: create, update, delete, and refusals.
@Suite struct StandaloneTransporterTests {
    let actor = Fixtures.emitterActor
    let now = Fixtures.createdAt

    func run(
        _ command: TransporterCommand, on state: StandaloneTransporter
    ) throws(TransporterError) -> StandaloneTransporter {
        let events = try TransporterDecider.decide(command, state: state, actor: actor, now: now)
        return events.reduce(state) { $0.evolve($1) }
    }

    @Test func createUpdateDeleteFoldsIntoTheState() throws {
        var transporter = Fixtures.transporter(Fixtures.transporterSiret)
        transporter.id = "ignored"
        var state = try run(.create(transporter), on: StandaloneTransporter(id: "t1"))
        #expect(state.exists && state.version == 1)
        #expect(state.transporter.id == "t1")
        #expect(state.createdBy == actor)
        var changed = transporter
        changed.numberPlates = ["XY-987-ZT"]
        state = try run(.update(changed), on: state)
        #expect(state.transporter.numberPlates == ["XY-987-ZT"])
        #expect(state.version == 2)
        state = try run(.delete, on: state)
        #expect(state.isDeleted && state.version == 3)
    }

    @Test func secondCreationIsRefused() throws {
        let state = try run(.create(Transporter()), on: StandaloneTransporter(id: "t1"))
        #expect(throws: TransporterError.transporterAlreadyExists(id: "t1")) {
            try run(.create(Transporter()), on: state)
        }
    }

    @Test func unknownTransporterCannotBeUpdatedOrDeleted() {
        let blank = StandaloneTransporter(id: "t1")
        #expect(throws: TransporterError.transporterNotFound(id: "t1")) {
            try run(.update(Transporter()), on: blank)
        }
        #expect(throws: TransporterError.transporterNotFound(id: "t1")) {
            try run(.delete, on: blank)
        }
    }

    @Test func deletedTransporterTakesNoChange() throws {
        var state = try run(.create(Transporter()), on: StandaloneTransporter(id: "t1"))
        state = try run(.delete, on: state)
        #expect(throws: TransporterError.transporterDeleted(id: "t1")) {
            try run(.update(Transporter()), on: state)
        }
        #expect(throws: TransporterError.transporterDeleted(id: "t1")) {
            try run(.delete, on: state)
        }
    }

    @Test func attachedTransporterChangesOnlyWithItsBSD() throws {
        var state = try run(.create(Transporter()), on: StandaloneTransporter(id: "t1"))
        state.formId = "f1"
        #expect(throws: TransporterError.transporterAttached(id: "t1", formId: "f1")) {
            try run(.update(Transporter()), on: state)
        }
        #expect(throws: TransporterError.transporterAttached(id: "t1", formId: "f1")) {
            try run(.delete, on: state)
        }
    }

    @Test func malformedIdentifiersAndPlatesAreReportedTogether() {
        var transporter = Transporter()
        transporter.company = FormCompany(siret: "123", name: "X", address: "Y")
        transporter.numberPlates = ["A"]
        #expect(
            throws: TransporterError.validationFailed([
                issue("company.siret", .invalidSiret), issue("numberPlates", .invalidPlate),
            ])
        ) {
            try run(.create(transporter), on: StandaloneTransporter(id: "t1"))
        }
    }
}
