import Domain

/// Every lifecycle path, run end to end on a ``TestWorld``. The lifecycle tests check their
/// statuses; the catalogue test writes the events they produce.
enum Scenarios {
    /// Direct: draft → sealed → signed → sent → received → accepted → processed.
    static func direct() throws -> (TestWorld, String) {
        var world = TestWorld()
        let id = try world.create()
        try world.run(.seal, on: id)
        try world.run(.signEmission(Fixtures.emission()), on: id)
        try world.run(.signTransport(Fixtures.transport()), on: id, as: Fixtures.transporterActor)
        try world.run(.markReceived(Fixtures.arrival()), on: id, as: Fixtures.recipientActor)
        try world.run(.markAccepted(Fixtures.acceptance()), on: id, as: Fixtures.recipientActor)
        try world.run(.markProcessed(Fixtures.processing()), on: id, as: Fixtures.recipientActor)
        return (world, id)
    }

    /// Temporary storage planned at creation, through resealing and the onward journey.
    static func plannedTemporaryStorage() throws -> (TestWorld, String) {
        var world = TestWorld()
        var content = Fixtures.content()
        content.recipient.company = Fixtures.company(Fixtures.storerSiret, "Entreposage")
        content.recipient.isTempStorage = true
        content.recipient.processingOperation = "R 13"
        var destination = Recipient()
        destination.company = Fixtures.company(Fixtures.finalSiret, "Exutoire")
        destination.processingOperation = "R 1"
        content.temporaryStorageDestination = destination
        let id = try world.create(content)
        try world.run(.seal, on: id)
        try world.run(.signEmission(Fixtures.emission()), on: id)
        try world.run(.signTransport(Fixtures.transport()), on: id)
        try world.run(.markTempStored(Fixtures.arrival()), on: id)
        try world.run(.markTempStorerAccepted(Fixtures.acceptance()), on: id)
        var reseal = ResealInput()
        reseal.transporter = Fixtures.transporter(Fixtures.secondTransporterSiret)
        try world.run(.markResealed(reseal), on: id)
        try world.run(.signTempStorerEmission(Fixtures.emission()), on: id)
        try world.run(.signTransport(Fixtures.transport()), on: id)
        try world.run(.markReceived(Fixtures.acceptance()), on: id)
        try world.run(.markProcessed(Fixtures.processing()), on: id)
        return (world, id)
    }

    /// Temporary storage decided on arrival: the destination accepts, then reseals.
    static func unplannedTemporaryStorage() throws -> (TestWorld, String) {
        var world = TestWorld()
        let id = try world.create()
        try world.run(.seal, on: id)
        try world.run(.signEmission(Fixtures.emission()), on: id)
        try world.run(.signTransport(Fixtures.transport()), on: id)
        try world.run(.markReceived(Fixtures.acceptance()), on: id)
        var reseal = ResealInput()
        var destination = Recipient()
        destination.company = Fixtures.company(Fixtures.finalSiret, "Exutoire")
        destination.processingOperation = "D 10"
        reseal.destination = destination
        reseal.transporter = Fixtures.transporter(Fixtures.secondTransporterSiret)
        try world.run(.markResealed(reseal), on: id)
        try world.run(.markResent, on: id)
        try world.run(.markReceived(Fixtures.acceptance()), on: id)
        try world.run(.markProcessed(Fixtures.processing("D 10", mode: .elimination)), on: id)
        return (world, id)
    }

    /// Multimodal: road then rail then road; the status stays SENT while each signs. The
    /// tank comes back empty and unwashed.
    static func multimodal() throws -> (TestWorld, String) {
        var world = TestWorld()
        var content = Fixtures.content()
        content.transporters = [
            Fixtures.transporter(Fixtures.transporterSiret),
            Fixtures.transporter(Fixtures.secondTransporterSiret, mode: .rail),
            Fixtures.transporter(Fixtures.storerSiret),
        ]
        for index in content.transporters.indices {
            content.transporters[index].id = "t\(index + 1)"
        }
        // The third leg is prepared in advance and marked ready once the second one runs.
        content.transporters[2].readyToTakeOver = false
        content.wasteDetails.packagings = [Packaging(type: .citerne, quantity: 1)]
        let id = try world.create(content)
        try world.run(.seal, on: id)
        try world.run(.signEmission(Fixtures.emission()), on: id)
        for _ in 0..<2 { try world.run(.signTransport(Fixtures.transport()), on: id) }
        var ready = world.forms[id]!.content
        ready.transporters[2].readyToTakeOver = true
        try world.run(.update(ready), on: id)
        var third = Fixtures.transport()
        third.transporterId = "t3"
        try world.run(.signTransport(third), on: id)
        var acceptance = Fixtures.acceptance()
        acceptance.hasCiterneBeenWashedOut = false
        acceptance.citerneNotWashedOutReason = .notByDriver
        acceptance.emptyReturnADR = "Emballage vide, non nettoyé"
        try world.run(.markReceived(acceptance), on: id)
        try world.run(.markProcessed(Fixtures.processing()), on: id)
        return (world, id)
    }

    /// Full refusal at reception.
    static func refusal() throws -> (TestWorld, String) {
        var world = TestWorld()
        let id = try world.create()
        try world.run(.seal, on: id)
        try world.run(.signEmission(Fixtures.emission()), on: id)
        try world.run(.signTransport(Fixtures.transport()), on: id)
        try world.run(.markReceived(Fixtures.arrival()), on: id)
        try world.run(
            .markAccepted(Fixtures.acceptance(.refused, received: 1_500_000, refused: 1_500_000)),
            on: id)
        return (world, id)
    }

    /// Partial refusal: the accepted part is processed.
    static func partialRefusal() throws -> (TestWorld, String) {
        var world = TestWorld()
        let id = try world.create()
        try world.run(.seal, on: id)
        try world.run(.signEmission(Fixtures.emission()), on: id)
        try world.run(.signTransport(Fixtures.transport()), on: id)
        try world.run(
            .markReceived(
                Fixtures.acceptance(.partiallyRefused, received: 1_500_000, refused: 500_000)),
            on: id)
        try world.run(.markProcessed(Fixtures.processing()), on: id)
        return (world, id)
    }

    /// Cancellation of a BSD in transit.
    static func cancellation() throws -> (TestWorld, String) {
        var world = TestWorld()
        let id = try world.create()
        try world.run(.seal, on: id)
        try world.run(.signEmission(Fixtures.emission()), on: id)
        try world.run(.signTransport(Fixtures.transport()), on: id)
        try world.run(.cancel(reason: "Revision approved"), on: id)
        return (world, id)
    }

    /// Update, duplication and deletion of drafts.
    static func draftEditing() throws -> (TestWorld, String) {
        var world = TestWorld()
        world.authorOrgIds = [Fixtures.emitterSiret, Fixtures.transporterSiret]
        let id = try world.create()
        var content = Fixtures.content()
        content.customId = "INT-42"
        content.wasteDetails.quantity = Weight(grams: 2_000_000)
        try world.run(.update(content), on: id)
        // Another transporter: the author is no longer a member of one named.
        content.transporters = [Fixtures.transporter(Fixtures.secondTransporterSiret)]
        try world.run(.update(content), on: id)
        let events = try world.run(.duplicate, on: id)
        let copy = events.last!.formId
        try world.run(.delete, on: copy)
        return (world, id)
    }
}
