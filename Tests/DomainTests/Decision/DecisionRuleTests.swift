import Domain
import Testing

/// Refusals by the decider: transitions, command statuses, locking, and their atomicity.
@Suite struct DecisionRuleTests {
    func sealed() throws -> (TestWorld, String) {
        var world = TestWorld()
        let id = try world.create()
        try world.run(.seal, on: id)
        return (world, id)
    }

    func expectRefusal(
        _ expected: DomainError, _ command: FormCommand, on id: String, in world: TestWorld,
        as actor: Actor = Fixtures.emitterActor
    ) {
        var copy = world
        #expect(throws: expected) { try copy.run(command, on: id, as: actor) }
        #expect(copy.log == world.log, "a refused command emits nothing")
        #expect(copy.forms == world.forms)
    }

    @Test func invalidTransitionNamesStatusAndAction() throws {
        var world = TestWorld()
        let id = try world.create()
        expectRefusal(
            .invalidTransition(status: .draft, action: .markProcessed),
            .markProcessed(Fixtures.processing()), on: id, in: world)
        expectRefusal(
            .invalidTransition(status: .draft, action: .signEmission),
            .signEmission(Fixtures.emission()), on: id, in: world)
    }

    @Test func invalidSealReportsAllIssuesAndStaysDraft() throws {
        var world = TestWorld()
        let id = try world.create(FormContent())
        var copy = world
        do {
            try copy.run(.seal, on: id)
            Issue.record("sealing an empty draft must fail")
        } catch {
            #expect(error.issues.count > 10)
            #expect(error.issues.contains(issue("emitter.company.siret", .required)))
        }
        #expect(copy.status(id) == .draft)
        #expect(copy.log == world.log)
    }

    @Test func producerCannotBeTakenOverBeforeSigning() throws {
        let (world, id) = try sealed()
        expectRefusal(
            .invalidTransition(status: .sealed, action: .signTransport),
            .signTransport(Fixtures.transport()), on: id, in: world)
    }

    @Test func privateIndividualEmissionSignsItselfAtSealing() throws {
        var world = TestWorld()
        var content = Fixtures.content()
        content.emitter.isPrivateIndividual = true
        content.emitter.company = FormCompany(siret: nil, name: "Jean", address: "2 rue B")
        let id = try world.create(content)
        try world.run(.seal, on: id)
        #expect(world.status(id) == .signedByProducer)
        #expect(world.forms[id]?.emission?.isAutomatic == true)
    }

    @Test func lastTransporterCannotSignTwice() throws {
        var (world, id) = try sealed()
        try world.run(.signEmission(Fixtures.emission()), on: id)
        try world.run(.signTransport(Fixtures.transport()), on: id)
        expectRefusal(
            .validationFailed([issue("transporters", .noTransporterToSign)]),
            .signTransport(Fixtures.transport()), on: id, in: world)
    }

    @Test func deletionOnlyBeforePickup() throws {
        var (world, id) = try sealed()
        try world.run(.signEmission(Fixtures.emission()), on: id)
        try world.run(.signTransport(Fixtures.transport()), on: id)
        expectRefusal(
            .commandNotAllowed(status: .sent, command: .delete), .delete, on: id, in: world)
    }

    @Test func deletedFormRefusesEveryCommand() throws {
        var (world, id) = try sealed()
        try world.run(.delete, on: id)
        expectRefusal(.formDeleted(id: id), .signEmission(Fixtures.emission()), on: id, in: world)
        expectRefusal(.formDeleted(id: id), .update(Fixtures.content()), on: id, in: world)
    }

    @Test func tempStorageNeedsATempStorageRecipient() throws {
        var (world, id) = try sealed()
        try world.run(.signEmission(Fixtures.emission()), on: id)
        try world.run(.signTransport(Fixtures.transport()), on: id)
        expectRefusal(
            .validationFailed([issue("recipient.isTempStorage", .notTemporaryStorage)]),
            .markTempStored(Fixtures.arrival()), on: id, in: world)
    }

    @Test func emitterMayEditAllButItsIdentityAfterSigning() throws {
        var (world, id) = try sealed()
        try world.run(.signEmission(Fixtures.emission()), on: id)
        var edited = world.forms[id]!.content
        edited.customId = "NEW"
        try world.run(.update(edited), on: id, as: Fixtures.emitterActor)
        #expect(world.forms[id]?.content.customId == "NEW")
        var identity = edited
        identity.emitter.company?.name = "Autre"
        expectRefusal(
            .lockedFields(status: .signedByProducer, paths: ["emitter.company.name"]),
            .update(identity), on: id, in: world)
        var other = edited
        other.customId = "OTHER"
        expectRefusal(
            .lockedFields(status: .signedByProducer, paths: ["customId"]),
            .update(other), on: id, in: world, as: Fixtures.recipientActor)
    }

    @Test func signedTransportersStayButLaterOnesMayBeAdded() throws {
        var (world, id) = try sealed()
        try world.run(.signEmission(Fixtures.emission()), on: id)
        try world.run(.signTransport(Fixtures.transport()), on: id)
        var added = world.forms[id]!.content
        added.transporters.append(Fixtures.transporter(Fixtures.secondTransporterSiret))
        try world.run(.update(added), on: id)
        #expect(world.forms[id]?.content.transporters.count == 2)
        var removed = added
        removed.transporters.removeFirst()
        expectRefusal(
            .lockedFields(status: .sent, paths: ["transporters"]), .update(removed),
            on: id, in: world)
        var sample = added
        sample.wasteDetails.sampleNumber = "S-1"
        expectRefusal(
            .lockedFields(status: .sent, paths: ["wasteDetails.sampleNumber"]),
            .update(sample), on: id, in: world)
    }

    @Test func nothingIsEditableAfterReception() throws {
        let (world, id) = try Scenarios.direct()
        expectRefusal(
            .commandNotAllowed(status: .processed, command: .update),
            .update(Fixtures.content()), on: id, in: world)
    }

    @Test func updateWithoutChangeEmitsNothing() throws {
        var world = TestWorld()
        let id = try world.create()
        #expect(try world.run(.update(Fixtures.content()), on: id).isEmpty)
    }

    @Test func updateEventCarriesTheFieldDiff() throws {
        var world = TestWorld()
        let id = try world.create()
        var content = Fixtures.content()
        content.emitter.company?.siret = Fixtures.traderSiret
        content.wasteDetails.pop = nil
        let events = try world.run(.update(content), on: id)
        guard case .formUpdated(let updated) = events.first else {
            Issue.record("expected FormUpdated")
            return
        }
        #expect(
            updated.changes == [
                FieldChange(
                    path: "emitter.company.siret", from: .string(Fixtures.emitterSiret),
                    to: .string(Fixtures.traderSiret)),
                FieldChange(path: "wasteDetails.pop", from: .bool(false), to: nil),
            ])
        #expect(updated.header.actor == Fixtures.emitterActor)
        var numbered = content.normalized()
        numbered.transporters[0].id = "\(id)-1"
        #expect(world.forms[id]?.content == numbered)
    }

    @Test func cancellationNeedsAReasonAndACancellableStatus() throws {
        var (world, id) = try sealed()
        expectRefusal(
            .invalidTransition(status: .sealed, action: .cancel), .cancel(reason: "x"),
            on: id, in: world)
        try world.run(.signEmission(Fixtures.emission()), on: id)
        expectRefusal(
            .validationFailed([issue("reason", .required)]), .cancel(reason: " "),
            on: id, in: world)
    }

    @Test func unknownFormIsNotFound() {
        let world = TestWorld()
        var copy = world
        #expect(throws: DomainError.formNotFound(id: "missing")) {
            try copy.run(.seal, on: "missing")
        }
    }

    @Test func paperImportMayNotChangeTheSirets() throws {
        let (world, id) = try sealed()
        var content = Fixtures.content()
        content.recipient.company?.siret = Fixtures.finalSiret
        let input = PaperImportInput(
            content: content,
            emission: EmissionSignature(emittedAt: Fixtures.createdAt, emittedBy: "E"),
            transport: TransportSignature(
                number: 1, takenOverAt: Fixtures.createdAt, takenOverBy: "T"),
            reception: Fixtures.acceptance(), processing: Fixtures.processing())
        expectRefusal(
            .validationFailed([issue("recipient.company.siret", .cannotChange)]),
            .importPaperForm(input), on: id, in: world, as: Fixtures.recipientActor)
    }

    @Test func directSupplyIsSentAsSoonAsTheEmitterSigns() throws {
        var world = TestWorld()
        var content = Fixtures.content()
        content.isDirectSupply = true
        content.transporters = []
        content.wasteDetails.packagings = []
        let id = try world.create(content)
        try world.run(.seal, on: id)
        try world.run(.signEmission(Fixtures.emission()), on: id)
        #expect(world.status(id) == .sent)
        try world.run(.markReceived(Fixtures.acceptance()), on: id)
        #expect(world.status(id) == .accepted)
    }
}
