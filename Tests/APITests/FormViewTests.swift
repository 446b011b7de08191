import Domain
import GraphQL
import Testing

@testable import API

@Suite struct FormViewTests {
    typealias World = FormViewWorld

    @Test func freshDraftShowsItsContentInTonnesAndNoStepYet() throws {
        var world = World()
        let id = try world.run(.create(World.content()))
        let form = FormView().json(try #require(world.forms[id]))
        #expect(form["id"] == .string(id))
        #expect(form["status"] == "DRAFT")
        #expect(form["readableId"] == "TD-26-AAA00001")
        #expect(form["customId"] == "INT-7")
        #expect(form["createdAt"] == "2026-03-01T00:01:00.000000Z")
        #expect(form["isImportedFromPaper"] == false)
        #expect(form[path: "emitter.company.orgId"] == .string(World.emitter))
        #expect(form[path: "emitter.type"] == "PRODUCER")
        #expect(form[path: "recipient.cap"] == "CAP-1")
        #expect(form[path: "wasteDetails.quantity"] == 1.5)
        #expect(form[path: "wasteDetails.quantityType"] == "ESTIMATED")
        #expect(form[path: "wasteDetails.consistence"] == ["SOLID", "DOUGHY"])
        #expect(form[path: "wasteDetails.numberOfPackages"] == 3)
        #expect(form[path: "wasteDetails.packagingInfos.0.volume"] == 200.0)
        #expect(
            form[path: "wasteDetails.packagingInfos.0.identificationNumbers"] == ["F-1", "F-2"])
        #expect(form[path: "wasteDetails.packagingInfos.1.identificationNumbers"] == [])
        #expect(form[path: "transporter.numberPlate"] == "AB-123-CD")
        #expect(form[path: "transporter.validityLimit"] == "2030-01-01T00:00:00.000000Z")
        #expect(form[path: "transporter.takenOverAt"] == nil)
        #expect(form["intermediaries"] == [])
        #expect(form["grouping"] == [])
        #expect(form["transportSegments"] == [])
        #expect(form["quantityGrouped"] == 0.0)
        for absent in [
            "emittedAt", "takenOverAt", "sentAt", "receivedAt", "temporaryStorageDetail",
        ] {
            #expect(form[absent] == nil, "\(absent)")
        }
        #expect(form[path: "stateSummary.quantity"] == 1.5)
        #expect(form[path: "stateSummary.transporter.siret"] == .string(World.transporter))
        #expect(form[path: "stateSummary.lastActionOn"] == form["updatedAt"])
    }

    @Test func processedDirectBSDShowsEverySignatureAndTheTreatment() throws {
        var world = World()
        let id = try world.sent()
        try world.run(
            .markReceived(World.acceptance(received: 1_234_567)), on: id, as: World.recipient)
        try world.run(.markProcessed(World.processing()), on: id, as: World.recipient)
        let form = FormView().json(try #require(world.forms[id]))
        #expect(form["status"] == "PROCESSED")
        #expect(form["emittedAt"] == "2026-03-01T08:00:00.000000Z")
        #expect(form["emittedBy"] == "Emma")
        #expect(form["emittedByEcoOrganisme"] == false)
        #expect(form["takenOverAt"] == "2026-03-01T09:00:00.000000Z")
        #expect(form["takenOverBy"] == "Tom")
        #expect(form["sentAt"] == form["takenOverAt"])
        #expect(form["sentBy"] == "Emma")
        #expect(form["signedByTransporter"] == true)
        #expect(form[path: "transporters.0.takenOverBy"] == "Tom")
        #expect(form[path: "transporter.id"] == .string(id + "-1"))
        #expect(form["receivedAt"] == "2026-03-01T12:00:00.000000Z")
        #expect(form["signedAt"] == "2026-03-01T12:30:00.000000Z")
        #expect(form["signedBy"] == "Signataire")
        #expect(form["wasteAcceptationStatus"] == "ACCEPTED")
        #expect(form["quantityReceived"] == 1.234567)
        #expect(form["quantityAccepted"] == 1.234567)
        #expect(form["quantityRefused"] == 0.0)
        #expect(form["quantityReceivedType"] == "REAL")
        #expect(form["processingOperationDone"] == "R 1")
        #expect(form["destinationOperationMode"] == "VALORISATION_ENERGETIQUE")
        #expect(form["processedAt"] == "2026-03-01T15:00:00.000000Z")
        #expect(form["noTraceability"] == false)
        #expect(form["currentTransporterSiret"] == nil)
        #expect(form["nextTransporterSiret"] == nil)
        #expect(form[path: "stateSummary.quantity"] == 1.234567)
        #expect(form[path: "stateSummary.transporter"] == nil)
        #expect(form[path: "stateSummary.recipient.siret"] == .string(World.recipient))
    }

    @Test func multimodalBSDWithTwoOfThreeSignedNamesTheCurrentAndNextTransporters() throws {
        var world = World()
        var content = World.content()
        content.transporters = [
            World.carrier(World.transporter, plates: ["AB-123-CD", "EF-456-GH"]),
            World.carrier(World.secondTransporter, mode: .rail),
            World.carrier(World.thirdTransporter),
        ]
        content.transporters[1].customInfo = "Wagon 12"
        let id = try world.sent(content)
        try world.run(
            .signTransport(SignTransportInput(takenOverAt: World.at(11), takenOverBy: "Rémi")),
            on: id, as: World.secondTransporter)
        let form = FormView().json(try #require(world.forms[id]))
        #expect(form["status"] == "SENT")
        #expect(form[path: "transporter.numberPlate"] == "AB-123-CD, EF-456-GH")
        #expect(form[path: "transporters.0.takenOverAt"] == "2026-03-01T09:00:00.000000Z")
        #expect(form[path: "transporters.1.takenOverAt"] == "2026-03-01T11:00:00.000000Z")
        #expect(form[path: "transporters.1.mode"] == "RAIL")
        #expect(form[path: "transporters.1.numberPlate"] == nil)
        #expect(form[path: "transporters.2.takenOverAt"] == nil)
        #expect(form[path: "transporters.2.id"] == .string(id + "-3"))
        #expect(form["takenOverBy"] == "Tom")
        #expect(form["currentTransporterSiret"] == .string(World.secondTransporter))
        #expect(form["nextTransporterSiret"] == .string(World.thirdTransporter))
        #expect(form[path: "transportSegments.0.segmentNumber"] == 2)
        #expect(
            form[path: "transportSegments.0.previousTransporterCompanySiret"]
                == .string(World.transporter))
        #expect(form[path: "transportSegments.0.takenOverBy"] == "Rémi")
        #expect(form[path: "transportSegments.0.readyToTakeOver"] == true)
        #expect(form[path: "transportSegments.1.id"] == .string(id + "-3"))
        #expect(form[path: "transportSegments.1.takenOverAt"] == nil)
        #expect(
            form[path: "stateSummary.transporter.orgId"] == .string(World.secondTransporter))
        #expect(form[path: "stateSummary.transporterCustomInfo"] == "Wagon 12")
    }

    @Test func resentTemporaryStorageShowsTheStorerAndTheOnwardJourney() throws {
        var world = World()
        let id = try world.sent(Self.plannedStorage())
        try world.run(
            .markTempStored(World.acceptance(hour: 10)), on: id, as: World.storer)
        var reseal = ResealInput()
        reseal.transporter = World.carrier(World.secondTransporter, plates: ["GH-789-IJ"])
        var repackaged = WasteDetails()
        repackaged.quantity = Weight(grams: 1_200_000)
        repackaged.quantityType = .real
        repackaged.packagings = [Packaging(type: .benne, quantity: 1)]
        reseal.wasteDetails = repackaged
        try world.run(.markResealed(reseal), on: id, as: World.storer)
        try world.run(
            .signTempStorerEmission(SignEmissionInput(emittedAt: World.at(13), emittedBy: "Sam")),
            on: id, as: World.storer)
        try world.run(
            .signTransport(SignTransportInput(takenOverAt: World.at(14), takenOverBy: "Luc")),
            on: id, as: World.secondTransporter)
        let form = FormView().json(try #require(world.forms[id]))
        #expect(form["status"] == "RESENT")
        #expect(form["receivedAt"] == nil)
        let detail = try #require(form["temporaryStorageDetail"])
        #expect(detail[path: "temporaryStorer.receivedAt"] == "2026-03-01T10:00:00.000000Z")
        #expect(detail[path: "temporaryStorer.quantityAccepted"] == 1.5)
        #expect(detail[path: "temporaryStorer.wasteAcceptationStatus"] == "ACCEPTED")
        #expect(detail["signedAt"] == "2026-03-01T10:30:00.000000Z")
        #expect(detail["signedBy"] == "Signataire")
        #expect(detail[path: "destination.company.siret"] == .string(World.final))
        #expect(detail[path: "destination.isFilledByEmitter"] == true)
        #expect(detail[path: "wasteDetails.quantity"] == 1.2)
        #expect(detail[path: "wasteDetails.code"] == "16 01 07*")
        #expect(detail[path: "wasteDetails.packagingInfos.0.type"] == "BENNE")
        #expect(detail[path: "transporter.numberPlate"] == "GH-789-IJ")
        #expect(detail[path: "transporter.takenOverAt"] == "2026-03-01T14:00:00.000000Z")
        #expect(detail["emittedAt"] == "2026-03-01T13:00:00.000000Z")
        #expect(detail["emittedBy"] == "Sam")
        #expect(detail["takenOverBy"] == "Luc")
        #expect(form["currentTransporterSiret"] == .string(World.secondTransporter))
        #expect(form[path: "stateSummary.quantity"] == 1.2)
        #expect(form[path: "stateSummary.packagingInfos.0.type"] == "BENNE")
        #expect(form[path: "stateSummary.recipient.siret"] == .string(World.final))
        #expect(form[path: "stateSummary.transporterNumberPlate"] == "GH-789-IJ")
    }

    @Test func plannedTemporaryStorageShowsTheEmittersDestinationBeforeArrival() throws {
        var world = World()
        let id = try world.run(.create(Self.plannedStorage()))
        let form = FormView().json(try #require(world.forms[id]))
        let detail = try #require(form["temporaryStorageDetail"])
        #expect(detail["temporaryStorer"] == nil)
        #expect(detail[path: "destination.processingOperation"] == "R 1")
        #expect(detail[path: "destination.isFilledByEmitter"] == true)
        #expect(detail["wasteDetails"] == nil)
    }

    @Test func regroupementShowsItsLinkedInitialBSDsAndTheyShowWhereTheyWent() throws {
        var world = World()
        let (regroupement, initials) = try Self.regroupement(&world)
        let view = FormView { world.forms[$0] }
        let form = view.json(try #require(world.forms[regroupement]))
        #expect(form[path: "emitter.type"] == "APPENDIX2")
        #expect(form[path: "grouping.0.form.id"] == .string(initials[0]))
        #expect(form[path: "grouping.1.form.readableId"] == "TD-26-AAA00002")
        #expect(form[path: "grouping.0.form.status"] == "GROUPED")
        #expect(form[path: "grouping.0.quantity"] == 1.5)
        #expect(form[path: "grouping.0.form.quantityAccepted"] == 1.5)
        #expect(form[path: "grouping.0.form.quantityGrouped"] == 1.5)
        #expect(form[path: "grouping.0.form.processingOperationDone"] == "R 13")
        #expect(form[path: "appendix2Forms.1.id"] == .string(initials[1]))
        let initial = view.json(try #require(world.forms[initials[0]]))
        #expect(initial["appendix2Forms"] == nil)
        #expect(initial["quantityGrouped"] == 1.5)
        #expect(initial[path: "groupedIn.0.form.id"] == .string(regroupement))
        #expect(initial[path: "groupedIn.0.form.status"] == "SEALED")
        #expect(initial[path: "nextDestination.company.siret"] == .string(World.final))
    }

    @Test func initialBSDsTheCallerDidNotLoadAreLeftOut() throws {
        var world = World()
        let (regroupement, initials) = try Self.regroupement(&world)
        let view = FormView { $0 == initials[1] ? world.forms[$0] : nil }
        let form = view.json(try #require(world.forms[regroupement]))
        #expect(form[path: "grouping.0.form.id"] == .string(initials[1]))
        #expect(form[path: "grouping.1"] == nil)
        #expect(FormView().json(try #require(world.forms[regroupement]))["grouping"] == [])
    }

    @Test func refusedBSDShowsTheRefusalAndNothingAccepted() throws {
        var world = World()
        let id = try world.sent()
        try world.run(
            .markReceived(World.acceptance(.refused, received: 1_500_000, refused: 1_500_000)),
            on: id, as: World.recipient)
        let form = FormView().json(try #require(world.forms[id]))
        #expect(form["status"] == "REFUSED")
        #expect(form["wasteAcceptationStatus"] == "REFUSED")
        #expect(form["wasteRefusalReason"] == "Non conforme")
        #expect(form["quantityReceived"] == 1.5)
        #expect(form["quantityRefused"] == 1.5)
        #expect(form["quantityAccepted"] == 0.0)
        #expect(form["processingOperationDone"] == nil)
        #expect(form[path: "stateSummary.quantity"] == 0.0)
    }

    /// A BSD to a temporary storer, with the final destination planned by the emitter.
    static func plannedStorage() -> FormContent {
        var content = World.content()
        content.recipient.company = World.company(World.storer, "Entreposage")
        content.recipient.isTempStorage = true
        content.recipient.processingOperation = "R 13"
        var destination = Recipient()
        destination.company = World.company(World.final, "Exutoire")
        destination.processingOperation = "R 1"
        destination.cap = "CAP-9"
        content.temporaryStorageDestination = destination
        return content
    }

    /// Two initial BSDs treated with R 13, grouped by a sealed annexe-2 regroupement.
    static func regroupement(_ world: inout World) throws -> (String, [String]) {
        var initials: [String] = []
        for _ in 0..<2 {
            let id = try world.sent()
            try world.run(.markReceived(World.acceptance()), on: id, as: World.recipient)
            try world.run(.markProcessed(World.processing("R 13")), on: id, as: World.recipient)
            initials.append(id)
        }
        var content = World.content()
        content.emitter.type = .appendix2
        content.emitter.company = World.company(World.recipient, "Centre de tri")
        content.recipient.company = World.company(World.final, "Exutoire")
        content.grouping = initials.map {
            GroupingFraction(formId: $0, quantity: Weight(grams: 1_500_000))
        }
        content.wasteDetails.quantity = Weight(grams: 3_000_000)
        let regroupement = try world.run(.create(content), as: World.recipient)
        try world.run(.seal, on: regroupement, as: World.recipient)
        return (regroupement, initials)
    }
}

extension JSON {
    /// The value at a dotted path of keys and list indexes (`transporters.1.mode`), nil
    /// when any step is missing.
    subscript(path path: String) -> JSON? {
        var value: JSON? = self
        for step in path.split(separator: ".") {
            switch value {
            case .object(let object)?: value = object[String(step)]
            case .list(let elements)?:
                guard let index = Int(step), elements.indices.contains(index) else { return nil }
                value = elements[index]
            default: return nil
            }
        }
        return value
    }
}
