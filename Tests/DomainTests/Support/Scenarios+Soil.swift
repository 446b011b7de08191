import Domain

extension Scenarios {
    /// Excavated soil on the direct path, with the fields integrations send for soils: the
    /// analyses and land of the waste, the transporter's contact changed at the take-over,
    /// and the upcycling parcels of the treatment.
    static func upcycledSoil() throws -> (TestWorld, String) {
        var world = TestWorld()
        var content = Fixtures.content()
        content.wasteDetails.analysisReferences = ["ANA-2026-01", "ANA-2026-02"]
        content.wasteDetails.landIdentifiers = ["SIS-69-0042"]
        let id = try world.create(content)
        try world.run(.seal, on: id)
        try world.run(.signEmission(Fixtures.emission()), on: id)
        var transport = Fixtures.transport()
        transport.companyContact = "Claire Route"
        transport.companyPhone = "0611223344"
        transport.companyMail = "claire@transport.example"
        try world.run(.signTransport(transport), on: id, as: Fixtures.transporterActor)
        try world.run(.markReceived(Fixtures.arrival()), on: id, as: Fixtures.recipientActor)
        try world.run(.markAccepted(Fixtures.acceptance()), on: id, as: Fixtures.recipientActor)
        var processing = Fixtures.processing()
        processing.isUpcycled = true
        processing.destinationParcelInseeCodes = ["69123"]
        processing.destinationParcelNumbers = ["000-AB-12"]
        processing.destinationParcelCoordinates = ["45.75,4.85"]
        try world.run(.markProcessed(processing), on: id, as: Fixtures.recipientActor)
        return (world, id)
    }
}
