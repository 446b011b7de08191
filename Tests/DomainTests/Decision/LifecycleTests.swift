import Domain
import Testing

/// Every lifecycle path of the issue, end to end.
@Suite struct LifecycleTests {
    @Test func directPathEndsProcessed() throws {
        let (world, id) = try Scenarios.direct()
        let form = try #require(world.forms[id])
        #expect(form.status == .processed)
        #expect(form.readableId == "TD-26-AAA00001")
        #expect(form.emission?.emittedBy == "Emetteur")
        #expect(form.transportSignatures.map(\.number) == [1])
        #expect(form.reception?.acceptationStatus == .accepted)
        #expect(form.processing?.operationDone == "R 1")
        #expect(form.processing?.description == Nomenclatures.operation("R 1")?.label)
        #expect(form.version == 7)
    }

    @Test func plannedTemporaryStorageGoesThroughResealAndOnwardJourney() throws {
        let (world, id) = try Scenarios.plannedTemporaryStorage()
        #expect(world.forms[id]?.processing?.operationDone == "R 1")
        let form = try #require(world.forms[id])
        #expect(form.status == .processed)
        let storage = try #require(form.temporaryStorage)
        #expect(storage.reception.acceptationStatus == .accepted)
        #expect(storage.destination?.company?.siret == Fixtures.finalSiret)
        #expect(storage.emission != nil)
        #expect(storage.transport?.takenOverBy == "Chauffeur")
        let statuses = world.log.compactMap { statusAfter($0) }
        #expect(
            statuses == [
                .draft, .sealed, .signedByProducer, .sent, .tempStored,
                .tempStorerAccepted, .resealed, .signedByTempStorer, .resent, .accepted, .processed,
            ])
    }

    @Test func anticipatedTreatmentAtTheStorerDropsTheOnwardJourney() throws {
        var world = TestWorld()
        var content = Fixtures.content()
        content.recipient.isTempStorage = true
        let id = try world.create(content)
        try world.run(.seal, on: id)
        try world.run(.signEmission(Fixtures.emission()), on: id)
        try world.run(.signTransport(Fixtures.transport()), on: id)
        try world.run(.markTempStored(Fixtures.acceptance()), on: id)
        #expect(world.status(id) == .tempStorerAccepted)
        let events = try world.run(.markProcessed(Fixtures.processing()), on: id)
        #expect(events.map(\.type) == ["FormUpdated", "FormProcessed"])
        #expect(world.status(id) == .processed)
        #expect(world.forms[id]?.content.recipient.isTempStorage == false)
    }

    @Test func unplannedTemporaryStorageResealsFromAccepted() throws {
        let (world, id) = try Scenarios.unplannedTemporaryStorage()
        let statuses = world.log.compactMap { statusAfter($0) }
        #expect(
            statuses == [
                .draft, .sealed, .signedByProducer, .sent, .accepted, .resealed,
                .resent, .accepted, .processed,
            ])
        #expect(world.forms[id]?.temporaryStorage?.destination?.processingOperation == "D 10")
        let storage = try #require(world.forms[id]?.temporaryStorage)
        #expect(
            storage.reception.acceptationStatus == .accepted, "the first site became the storer")
        #expect(world.forms[id]?.reception?.signedBy == "Réceptionnaire")
        #expect(world.forms[id]?.processing?.operationDone == "D 10")
    }

    @Test func currentAndNextTransporterFollowTheChain() throws {
        var world = TestWorld()
        var content = Fixtures.content()
        content.transporters.append(Fixtures.transporter(Fixtures.secondTransporterSiret))
        let id = try world.create(content)
        try world.run(.seal, on: id)
        try world.run(.signEmission(Fixtures.emission()), on: id)
        #expect(world.forms[id]?.currentTransporterOrgId == nil)
        #expect(world.forms[id]?.nextTransporterOrgId == Fixtures.transporterSiret)
        try world.run(.signTransport(Fixtures.transport()), on: id)
        #expect(world.forms[id]?.currentTransporterOrgId == Fixtures.transporterSiret)
        #expect(world.forms[id]?.nextTransporterOrgId == Fixtures.secondTransporterSiret)
        try world.run(.signTransport(Fixtures.transport()), on: id)
        #expect(world.forms[id]?.currentTransporterOrgId == Fixtures.secondTransporterSiret)
        #expect(world.forms[id]?.nextTransporterOrgId == nil)
    }

    @Test func multimodalTransportersSignInTurnWhileSent() throws {
        let (world, id) = try Scenarios.multimodal()
        let form = try #require(world.forms[id])
        #expect(form.transportSignatures.map(\.number) == [1, 2, 3])
        #expect(form.status == .processed)
        let sentCount = world.log.filter { statusAfter($0) == .sent }.count
        #expect(sentCount == 3)
    }

    @Test func destinationMayReceiveBeforeLaterTransportersSign() throws {
        var world = TestWorld()
        var content = Fixtures.content()
        content.transporters.append(Fixtures.transporter(Fixtures.secondTransporterSiret))
        let id = try world.create(content)
        try world.run(.seal, on: id)
        try world.run(.signEmission(Fixtures.emission()), on: id)
        try world.run(.signTransport(Fixtures.transport()), on: id)
        try world.run(.markReceived(Fixtures.acceptance()), on: id)
        #expect(world.status(id) == .accepted)
        #expect(world.forms[id]?.transportSignatures.count == 1)
    }

    @Test func fullRefusalEndsRefused() throws {
        let (world, id) = try Scenarios.refusal()
        #expect(world.status(id) == .refused)
        #expect(world.forms[id]?.reception?.quantityAccepted == .zero)
    }

    @Test func partialRefusalIsAcceptedAndProcessed() throws {
        let (world, id) = try Scenarios.partialRefusal()
        #expect(world.status(id) == .processed)
        #expect(world.forms[id]?.reception?.quantityAccepted == Weight(grams: 1_000_000))
    }

    @Test func cancellationFromSentEndsCanceled() throws {
        let (world, id) = try Scenarios.cancellation()
        #expect(world.status(id) == .canceled)
        #expect(world.forms[id]?.cancellationReason == "Revision approved")
    }

    @Test func annexTwoMovesInitialFormsToGroupedThenProcessed() throws {
        var world = TestWorld()
        let initial = try world.create()
        try world.run(.seal, on: initial)
        try world.run(.signEmission(Fixtures.emission()), on: initial)
        try world.run(.signTransport(Fixtures.transport()), on: initial)
        try world.run(.markReceived(Fixtures.acceptance()), on: initial)
        try world.run(.markProcessed(Fixtures.grouping()), on: initial)
        #expect(world.status(initial) == .awaitingGroup)

        let (full, regroupement, initials) = try Scenarios.appendix2()
        #expect(full.status(regroupement) == .processed)
        for id in initials {
            #expect(full.status(id) == .processed)
            #expect(
                full.forms[id]?.groupedIn == [
                    GroupingFraction(formId: regroupement, quantity: Weight(grams: 1_500_000))
                ])
        }
        let grouped = full.log.filter { $0.type == "FormGrouped" }
        #expect(grouped.count == 2)
        #expect(grouped.allSatisfy { statusAfter($0) == .grouped })
    }

    @Test func refusedRegroupementReleasesItsInitialForms() throws {
        let (world, regroupement, initial) = try Scenarios.refusedRegroupement()
        #expect(world.status(regroupement) == .refused)
        #expect(world.status(initial) == .awaitingGroup)
        #expect(world.forms[initial]?.groupedIn == [])
        #expect(world.log.contains { $0.type == "FormUngrouped" })
    }

    @Test func annexOneItemsFollowTheirContainer() throws {
        let (world, container, items) = try Scenarios.appendix1()
        #expect(world.status(container) == .processed)
        for item in items {
            #expect(world.status(item) == .processed)
            #expect(world.forms[item]?.appendix1ContainerId == container)
            #expect(world.forms[item]?.emission?.isAutomatic == true)
        }
        #expect(world.log.filter { $0.type == "TransportSigned" }.count == 3)
    }

    @Test func paperImportGoesStraightToItsFinalStatus() throws {
        let (world, created, sealed) = try Scenarios.paperImport()
        #expect(world.status(created) == .processed)
        #expect(world.forms[created]?.isImportedFromPaper == true)
        #expect(world.forms[created]?.readableId == "TD-26-AAA00001")
        #expect(world.status(sealed) == .awaitingGroup)
    }

    @Test func draftsCanBeUpdatedDuplicatedAndDeleted() throws {
        let (world, id) = try Scenarios.draftEditing()
        let form = try #require(world.forms[id])
        #expect(form.content.customId == "INT-42")
        #expect(form.content.wasteDetails.quantity == Weight(grams: 2_000_000))
        let copy = try #require(world.forms.values.first { $0.isDuplicateOf != nil })
        #expect(copy.isDuplicateOf == form.readableId)
        #expect(copy.readableId == "TD-26-AAA00002")
        #expect(copy.isDeleted)
    }
}

/// The status an event records, if it records one.
func statusAfter(_ event: DomainEvent) -> FormStatus? {
    switch event {
    case .formCreated: .draft
    case .formSealed(let e), .formResent(let e), .formCanceled(let e): e.status
    case .emissionSigned(let e), .tempStorerEmissionSigned(let e): e.status
    case .transportSigned(let e): e.status
    case .formReceived(let e), .formAccepted(let e), .formTempStored(let e),
        .formTempStorerAccepted(let e):
        e.status
    case .formProcessed(let e): e.status
    case .formResealed(let e): e.status
    case .formGrouped(let e), .groupedFormProcessed(let e): e.status
    case .formImportedFromPaper(let e): e.status
    default: nil
    }
}
