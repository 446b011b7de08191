import Domain

extension Scenarios {
    /// Two initial BSDs treated with R 13 are grouped into a regroupement BSD, which is then
    /// processed: the initial BSDs go AWAITING_GROUP → GROUPED → PROCESSED.
    static func appendix2() throws -> (TestWorld, String, [String]) {
        var world = TestWorld()
        var initials: [String] = []
        for _ in 0..<2 {
            let id = try world.create()
            try world.run(.seal, on: id)
            try world.run(.signEmission(Fixtures.emission()), on: id)
            try world.run(.signTransport(Fixtures.transport()), on: id)
            try world.run(.markReceived(Fixtures.acceptance()), on: id)
            try world.run(.markProcessed(Fixtures.grouping()), on: id)
            initials.append(id)
        }
        var content = Fixtures.content()
        content.emitter.type = .appendix2
        content.emitter.company = Fixtures.company(Fixtures.recipientSiret, "Centre de tri")
        content.recipient.company = Fixtures.company(Fixtures.finalSiret, "Exutoire")
        content.grouping = initials.map {
            GroupingFraction(formId: $0, quantity: Weight(grams: 1_500_000))
        }
        content.wasteDetails.quantity = Weight(grams: 3_000_000)
        let regroupement = try world.create(content)
        try world.run(.seal, on: regroupement)
        try world.run(.signEmission(Fixtures.emission()), on: regroupement)
        try world.run(.signTransport(Fixtures.transport()), on: regroupement)
        try world.run(.markReceived(Fixtures.acceptance(received: 3_000_000)), on: regroupement)
        try world.run(.markProcessed(Fixtures.processing()), on: regroupement)
        return (world, regroupement, initials)
    }

    /// A regroupement refused at its destination releases its initial BSD.
    static func refusedRegroupement() throws -> (TestWorld, String, String) {
        var world = TestWorld()
        let initial = try world.create()
        try world.run(.seal, on: initial)
        try world.run(.signEmission(Fixtures.emission()), on: initial)
        try world.run(.signTransport(Fixtures.transport()), on: initial)
        try world.run(.markReceived(Fixtures.acceptance()), on: initial)
        try world.run(.markProcessed(Fixtures.grouping()), on: initial)
        var content = Fixtures.content()
        content.emitter.type = .appendix2
        content.emitter.company = Fixtures.company(Fixtures.recipientSiret, "Centre de tri")
        content.grouping = [GroupingFraction(formId: initial, quantity: Weight(grams: 1_500_000))]
        let regroupement = try world.create(content)
        try world.run(.seal, on: regroupement)
        try world.run(.signEmission(Fixtures.emission()), on: regroupement)
        try world.run(.signTransport(Fixtures.transport()), on: regroupement)
        try world.run(
            .markReceived(Fixtures.acceptance(.refused, received: 1_500_000, refused: 1_500_000)),
            on: regroupement)
        return (world, regroupement, initial)
    }

    /// A collection round: a sealed container, two items attached, picked up (the first
    /// pickup sends the container), received and processed through the container.
    static func appendix1() throws -> (TestWorld, String, [String]) {
        var world = TestWorld()
        var container = Fixtures.content()
        container.emitter.type = .appendix1
        container.wasteDetails.code = "13 02 05*"
        container.wasteDetails.packagings = []
        let containerId = try world.create(container)
        try world.run(.seal, on: containerId)
        var items: [String] = []
        for _ in 0..<2 {
            var item = Fixtures.content()
            item.emitter.type = .appendix1Producer
            item.wasteDetails.code = "13 02 05*"
            item.recipient = Recipient()
            let itemId = try world.create(item)
            try world.run(.seal, on: itemId)
            items.append(itemId)
        }
        container.grouping = items.map { GroupingFraction(formId: $0) }
        try world.run(.update(container), on: containerId)
        for itemId in items {
            try world.run(.signTransport(Fixtures.transport()), on: itemId)
        }
        try world.run(.markReceived(Fixtures.acceptance(received: 3_000_000)), on: containerId)
        try world.run(.markProcessed(Fixtures.processing()), on: containerId)
        return (world, containerId, items)
    }

    /// A paper BSD imported as a new BSD, and one completing a sealed BSD.
    static func paperImport() throws -> (TestWorld, String, String) {
        var world = TestWorld()
        let input = PaperImportInput(
            content: Fixtures.content(),
            emission: EmissionSignature(emittedAt: Fixtures.createdAt, emittedBy: "Emetteur"),
            transport: TransportSignature(
                number: 1, takenOverAt: Fixtures.createdAt, takenOverBy: "X"),
            reception: Fixtures.acceptance(), processing: Fixtures.processing())
        let created = try world.run(.importPaperForm(input), as: Fixtures.recipientActor)
        let newId = created.last!.formId
        let sealed = try world.create()
        try world.run(.seal, on: sealed)
        var grouping = input
        grouping.processing = Fixtures.grouping()
        try world.run(.importPaperForm(grouping), on: sealed, as: Fixtures.recipientActor)
        return (world, newId, sealed)
    }
}
