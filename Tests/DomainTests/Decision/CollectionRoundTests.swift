import Domain
import Testing

/// Annexe 1 (collection rounds) and the deprecated one-step resend.
@Suite struct CollectionRoundTests {
    static func container() -> FormContent {
        var container = Fixtures.content()
        container.emitter.type = .appendix1
        container.wasteDetails.code = "13 02 05*"
        container.wasteDetails.packagings = []
        return container
    }

    @Test func aContainerSealsWithoutQuantityPopOrQuantityType() throws {
        var world = TestWorld()
        var container = Self.container()
        container.wasteDetails.quantity = nil
        container.wasteDetails.pop = nil
        container.wasteDetails.quantityType = nil
        let id = try world.create(container)
        try world.run(.seal, on: id)
        #expect(world.forms[id]?.status == .sealed)
    }

    @Test func attachingADraftItemGivesItTheRoundsDataAndSealsIt() throws {
        var world = TestWorld()
        let containerId = try world.create(Self.container())
        try world.run(.seal, on: containerId)
        var item = FormContent()
        item.emitter.type = .appendix1Producer
        item.emitter.company = Fixtures.company(Fixtures.emitterSiret, "Garage")
        item.wasteDetails.quantity = Weight(grams: 700_000)
        item.wasteDetails.packagings = [Packaging(type: .fut, quantity: 1)]
        let itemId = try world.create(item)
        var container = Self.container()
        container.grouping = [GroupingFraction(formId: itemId)]
        try world.run(.update(container), on: containerId)
        let attached = try #require(world.forms[itemId])
        #expect(attached.status == .sealed)
        #expect(attached.appendix1ContainerId == containerId)
        #expect(attached.content.wasteDetails.code == "13 02 05*")
        #expect(attached.content.recipient == container.recipient)
        #expect(
            attached.content.transporters.map(\.company) == container.transporters.map(\.company))
        #expect(attached.content.wasteDetails.quantity == Weight(grams: 700_000))
    }

    @Test func eachPickupAddsTheItemsQuantityAndPackagingsToTheContainer() throws {
        let (world, containerId, items) = try Scenarios.appendix1()
        let container = try #require(world.forms[containerId])
        let quantities = items.compactMap { world.forms[$0]?.content.wasteDetails.quantity }
        #expect(
            container.content.wasteDetails.quantity
                == quantities.reduce(Weight.zero, +))
        #expect(container.content.wasteDetails.packagings == [Packaging(type: .fut, quantity: 4)])
    }

    @Test func resendingWithTheOnwardJourneyGoesStraightToResentInOneEvent() throws {
        var world = TestWorld()
        var content = Fixtures.content()
        content.recipient.company = Fixtures.company(Fixtures.storerSiret, "Entreposage")
        content.recipient.isTempStorage = true
        content.recipient.processingOperation = "R 13"
        var destination = Recipient()
        destination.company = Fixtures.company(Fixtures.finalSiret, "Exutoire")
        destination.processingOperation = "D 10"
        content.temporaryStorageDestination = destination
        let id = try world.create(content)
        try world.run(.seal, on: id)
        try world.run(.signEmission(Fixtures.emission()), on: id)
        try world.run(.signTransport(Fixtures.transport()), on: id)
        try world.run(.markTempStored(Fixtures.arrival()), on: id)
        try world.run(.markTempStorerAccepted(Fixtures.acceptance()), on: id)
        var onward = ResealInput()
        onward.transporter = Fixtures.transporter(Fixtures.secondTransporterSiret)
        let events = try world.run(.resendWith(onward), on: id)
        #expect(events.count == 1)
        #expect(events.first?.type == "FormResealed")
        #expect(world.forms[id]?.status == .resent)
        #expect(world.forms[id]?.temporaryStorage?.destination == destination)
        #expect(world.forms[id]?.temporaryStorage?.transporter == onward.transporter)
    }
}
