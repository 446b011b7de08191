import Domain
import Testing

/// Annexe-2 and annexe-1 link rules.
@Suite struct GroupingRuleTests {
    /// A world with one initial BSD awaiting grouping (1.5 t accepted at the recipient).
    func awaitingGroup() throws -> (TestWorld, String) {
        var world = TestWorld()
        let id = try world.create()
        try world.run(.seal, on: id)
        try world.run(.signEmission(Fixtures.emission()), on: id)
        try world.run(.signTransport(Fixtures.transport()), on: id)
        try world.run(.markReceived(Fixtures.acceptance()), on: id)
        try world.run(.markProcessed(Fixtures.grouping()), on: id)
        return (world, id)
    }

    func regroupement(_ fractions: [GroupingFraction]) -> FormContent {
        var content = Fixtures.content()
        content.emitter.type = .appendix2
        content.emitter.company = Fixtures.company(Fixtures.recipientSiret, "Centre de tri")
        content.grouping = fractions
        return content
    }

    func createIssues(_ world: TestWorld, _ content: FormContent) -> [ValidationIssue] {
        var copy = world
        do {
            _ = try copy.create(content)
            return []
        } catch {
            return error.issues
        }
    }

    @Test func nextDestinationCountryIsDerivedFromItsIdentifier() throws {
        let (world, initial) = try awaitingGroup()
        #expect(world.forms[initial]?.processing?.nextDestination?.company?.country == "FR")
        var world2 = TestWorld()
        let id = try world2.create()
        try world2.run(.seal, on: id)
        try world2.run(.signEmission(Fixtures.emission()), on: id)
        try world2.run(.signTransport(Fixtures.transport()), on: id)
        try world2.run(.markReceived(Fixtures.acceptance()), on: id)
        var processing = Fixtures.grouping()
        processing.nextDestination?.company = FormCompany()
        processing.nextDestination?.company?.name = "Exutoire"
        processing.nextDestination?.company?.vatNumber = "DE123456789"
        try world2.run(.markProcessed(processing), on: id)
        #expect(world2.status(id) == .followedWithPnttd)
        #expect(world2.forms[id]?.processing?.nextDestination?.company?.country == "DE")
    }

    @Test func onlyAnnexFormsCarryGrouping() throws {
        let (world, initial) = try awaitingGroup()
        var content = Fixtures.content()
        content.grouping = [GroupingFraction(formId: initial, quantity: Weight(grams: 1))]
        #expect(createIssues(world, content) == [issue("grouping", .groupingMismatch)])
    }

    @Test func regroupementNeedsAtLeastOneFormToSeal() throws {
        var world = TestWorld()
        let id = try world.create(regroupement([]))
        #expect(throws: DomainError.validationFailed([issue("grouping", .groupingMismatch)])) {
            try world.run(.seal, on: id)
        }
    }

    @Test func groupedQuantityMustBePositiveAndWithinWhatRemains() throws {
        let (world, initial) = try awaitingGroup()
        for grams: Int64 in [0, 1_500_001] {
            let content = regroupement([
                GroupingFraction(formId: initial, quantity: Weight(grams: grams))
            ])
            #expect(
                createIssues(world, content) == [
                    issue("grouping.0.quantity", .groupedQuantityInvalid)
                ])
        }
    }

    @Test func partialGroupingKeepsTheInitialFormAwaiting() throws {
        var (world, initial) = try awaitingGroup()
        let half = Weight(grams: 750_000)
        let first = try world.create(
            regroupement([GroupingFraction(formId: initial, quantity: half)]))
        try world.run(.seal, on: first)
        #expect(world.status(initial) == .awaitingGroup)
        let second = try world.create(
            regroupement([GroupingFraction(formId: initial, quantity: half)]))
        try world.run(.seal, on: second)
        #expect(world.status(initial) == .grouped)
        #expect(world.forms[initial]?.groupedQuantity == Weight(grams: 1_500_000))
        let more = regroupement([GroupingFraction(formId: initial, quantity: Weight(grams: 1))])
        #expect(
            createIssues(world, more) == [issue("grouping.0.quantity", .groupedQuantityInvalid)])
    }

    @Test func initialFormsMustAwaitGroupingAndAppearOnce() throws {
        let (world, initial) = try awaitingGroup()
        let draft = world.forms.keys.first { $0 != initial } ?? "none"
        let content = regroupement([
            GroupingFraction(formId: initial, quantity: Weight(grams: 1)),
            GroupingFraction(formId: initial, quantity: Weight(grams: 1)),
            GroupingFraction(formId: draft, quantity: Weight(grams: 1)),
        ])
        #expect(
            Set(createIssues(world, content)) == [
                issue("grouping.1.formId", .groupedFormListedTwice),
                issue("grouping.2.formId", .groupedFormNotAvailable),
            ])
    }

    @Test func regroupementEmitterIsTheInitialFormsDestination() throws {
        let (world, initial) = try awaitingGroup()
        var content = regroupement([GroupingFraction(formId: initial, quantity: Weight(grams: 1))])
        content.emitter.company = Fixtures.company(Fixtures.traderSiret, "Autre")
        #expect(
            createIssues(world, content) == [issue("grouping.0.formId", .groupingEmitterMismatch)])
    }

    @Test func groupedFormIsProcessedOnlyWhenEveryRegroupementIsFinal() throws {
        var (world, initial) = try awaitingGroup()
        let half = Weight(grams: 750_000)
        var ids: [String] = []
        for _ in 0..<2 {
            let id = try world.create(
                regroupement([GroupingFraction(formId: initial, quantity: half)]))
            try world.run(.seal, on: id)
            try world.run(.signEmission(Fixtures.emission()), on: id)
            try world.run(.signTransport(Fixtures.transport()), on: id)
            try world.run(.markReceived(Fixtures.acceptance()), on: id)
            ids.append(id)
        }
        try world.run(.markProcessed(Fixtures.processing()), on: ids[0])
        #expect(world.status(initial) == .grouped)
        try world.run(.markProcessed(Fixtures.processing()), on: ids[1])
        #expect(world.status(initial) == .processed)
    }

    @Test func annexOneItemsAttachOnlyToASealedContainer() throws {
        var world = TestWorld()
        var item = Fixtures.content()
        item.emitter.type = .appendix1Producer
        item.wasteDetails.code = "13 02 05*"
        let itemId = try world.create(item)
        var container = Fixtures.content()
        container.emitter.type = .appendix1
        container.wasteDetails.code = "13 02 05*"
        container.grouping = [GroupingFraction(formId: itemId)]
        #expect(createIssues(world, container) == [issue("grouping", .groupingMismatch)])
        container.grouping = [GroupingFraction(formId: "unknown")]
        let containerId = try world.create(
            {
                var c = container; c.grouping = []; return c
            }())
        try world.run(.seal, on: containerId)
        #expect(
            throws: DomainError.validationFailed([
                issue("grouping.0.formId", .groupedFormNotAvailable)
            ])
        ) {
            try world.run(.update(container), on: containerId)
        }
    }

    @Test func annexOneItemCannotBeReceivedOnItsOwn() throws {
        let (world, _, items) = try Scenarios.appendix1()
        var copy = world
        #expect(throws: DomainError.commandNotAllowed(status: .processed, command: .markReceived)) {
            try copy.run(.markReceived(Fixtures.arrival()), on: items[0])
        }
    }

    @Test func annexOneContainerCannotSignEmission() throws {
        var world = TestWorld()
        var container = Fixtures.content()
        container.emitter.type = .appendix1
        container.wasteDetails.code = "13 02 05*"
        let id = try world.create(container)
        try world.run(.seal, on: id)
        #expect(throws: DomainError.commandNotAllowed(status: .sealed, command: .signEmission)) {
            try world.run(.signEmission(Fixtures.emission()), on: id)
        }
    }

    @Test func receivedFormIsFullyLocked() throws {
        var world = TestWorld()
        let id = try world.create()
        try world.run(.seal, on: id)
        try world.run(.signEmission(Fixtures.emission()), on: id)
        try world.run(.signTransport(Fixtures.transport()), on: id)
        try world.run(.markReceived(Fixtures.acceptance()), on: id)
        var content = world.forms[id]!.content
        content.intermediaries = [Fixtures.company(Fixtures.traderSiret, "Intermédiaire")]
        #expect(throws: DomainError.lockedFields(status: .accepted, paths: ["intermediaries"])) {
            try world.run(.update(content), on: id)
        }
    }

    @Test func annexOneItemsJoinWithinFiveDaysOfTheFirstPickup() throws {
        var world = TestWorld()
        var container = Fixtures.content()
        container.emitter.type = .appendix1
        container.wasteDetails.code = "13 02 05*"
        let containerId = try world.create(container)
        try world.run(.seal, on: containerId)
        var item = Fixtures.content()
        item.emitter.type = .appendix1Producer
        item.wasteDetails.code = "13 02 05*"
        var items: [String] = []
        for _ in 0..<3 {
            let id = try world.create(item)
            try world.run(.seal, on: id)
            items.append(id)
        }
        container.grouping = [GroupingFraction(formId: items[0])]
        try world.run(.update(container), on: containerId)
        try world.run(.signTransport(Fixtures.transport()), on: items[0])
        #expect(world.forms[containerId]?.firstPickupAt == Fixtures.createdAt)
        world.now = Timestamp(year: 2026, month: 3, day: 6)
        container.grouping.append(GroupingFraction(formId: items[1]))
        try world.run(.update(container), on: containerId)
        world.now = Timestamp(year: 2026, month: 3, day: 7)
        container.grouping.append(GroupingFraction(formId: items[2]))
        #expect(throws: DomainError.validationFailed([issue("grouping", .appendix1WindowClosed)])) {
            try world.run(.update(container), on: containerId)
        }
    }

    @Test func groupedFormIsNotTreatedDirectly() throws {
        var (world, initial) = try awaitingGroup()
        let id = try world.create(
            regroupement([GroupingFraction(formId: initial, quantity: Weight(grams: 1_500_000))]))
        try world.run(.seal, on: id)
        #expect(throws: DomainError.commandNotAllowed(status: .grouped, command: .markProcessed)) {
            try world.run(.markProcessed(Fixtures.processing()), on: initial)
        }
    }

    @Test func deletingASealedRegroupementReleasesItsInitialForms() throws {
        var (world, initial) = try awaitingGroup()
        let id = try world.create(
            regroupement([GroupingFraction(formId: initial, quantity: Weight(grams: 1_500_000))]))
        try world.run(.seal, on: id)
        #expect(world.status(initial) == .grouped)
        try world.run(.delete, on: id)
        #expect(world.status(initial) == .awaitingGroup)
        #expect(world.forms[initial]?.groupedIn == [])
    }

    @Test func deletingAContainerDeletesItsItems() throws {
        var world = TestWorld()
        var container = Fixtures.content()
        container.emitter.type = .appendix1
        container.wasteDetails.code = "13 02 05*"
        let containerId = try world.create(container)
        try world.run(.seal, on: containerId)
        var item = Fixtures.content()
        item.emitter.type = .appendix1Producer
        item.wasteDetails.code = "13 02 05*"
        let itemId = try world.create(item)
        container.grouping = [GroupingFraction(formId: itemId)]
        try world.run(.update(container), on: containerId)
        try world.run(.delete, on: containerId)
        #expect(world.forms[itemId]?.isDeleted == true)
    }
}
