import Domain
import GraphQL
import Testing

@testable import API

/// The shared payloads and helpers.
private typealias Fixture = FormInputsFixture

@Suite struct FormInputsStepTests {
    @Test func signEmissionReadsEveryField() throws {
        let input = try FormInputs.signEmission([
            "emittedAt": "2024-03-01T08:15:00+01:00", "emittedBy": "Jean Dupont",
            "emittedByEcoOrganisme": false, "quantity": 1.2, "isSubjectToADR": true,
            "onuCode": "UN 1202", "nonRoadRegulationMention": "RID 3",
            "packagingInfos": [["type": "FUT", "quantity": 6, "volume": 60]],
            "transporterNumberPlate": " AB-123-CD",
        ])
        var expected = SignEmissionInput(
            emittedAt: Fixture.instant(2024, 3, 1, 7, 15), emittedBy: "Jean Dupont")
        expected.quantity = Weight(grams: 1_200_000)
        expected.isSubjectToADR = true
        expected.onuCode = "UN 1202"
        expected.nonRoadRegulationMention = "RID 3"
        var drums = Packaging(type: .fut, quantity: 6)
        drums.volume = 60
        expected.packagings = [drums]
        expected.transporterNumberPlates = ["AB-123-CD"]
        #expect(input == expected)
    }

    @Test func signEmissionLeavesPlatesAndPackagingsAloneWhenNotGiven() throws {
        let input = try FormInputs.signEmission([
            "emittedAt": "2024-03-01", "emittedBy": "Jean Dupont", "quantity": 1,
            "emittedByEcoOrganisme": true, "transporterNumberPlate": .null,
        ])
        #expect(input.transporterNumberPlates == nil)
        #expect(input.packagings == nil)
        #expect(input.byEcoOrganisme)
        let blank = try FormInputs.signEmission([
            "emittedAt": "2024-03-01", "emittedBy": "J", "transporterNumberPlate": "",
        ])
        #expect(blank.transporterNumberPlates == [])
    }

    @Test func signatureWithoutWhoOrWhenIsRefused() {
        let error = Fixture.refusal { () throws(APIError) in
            try FormInputs.signEmission(["emittedAt": "tomorrow", "quantity": 1])
        }
        #expect(Fixture.issues(error) == ["emittedAt INVALID_DATE", "emittedBy REQUIRED"])
        let transport = Fixture.refusal { () throws(APIError) in
            try FormInputs.signTransport(["takenOverBy": "Paul"])
        }
        #expect(Fixture.issues(transport) == ["takenOverAt REQUIRED"])
    }

    @Test func signTransportReadsEveryField() throws {
        let input = try FormInputs.signTransport([
            "takenOverAt": "2024-03-01T09:00:00", "takenOverBy": "Paul Chauffeur",
            "transporterNumberPlate": "GH-456-JK", "transporterTransportMode": "RIVER",
        ])
        var expected = SignTransportInput(
            takenOverAt: Fixture.instant(2024, 3, 1, 9), takenOverBy: "Paul Chauffeur")
        expected.numberPlates = ["GH-456-JK"]
        expected.mode = .river
        #expect(input == expected)
    }

    @Test func receivedWithAcceptanceIsSignedByTheReceiver() throws {
        let reception = try FormInputs.received([
            "receivedBy": "Agent de quai", "receivedAt": "2024-03-02T14:00:00Z",
            "wasteAcceptationStatus": "PARTIALLY_REFUSED", "wasteRefusalReason": "Fût percé",
            "quantityReceived": 1.1, "quantityRefused": 0.2, "quantityReceivedType": "REAL",
            "hasCiterneBeenWashedOut": false, "citerneNotWashedOutReason": "UNAVAILABLE",
            "emptyReturnADR": "EMPTY_CITERNE",
        ])
        var expected = Reception()
        expected.receivedBy = "Agent de quai"
        expected.receivedAt = Fixture.instant(2024, 3, 2, 14)
        expected.signedBy = "Agent de quai"
        expected.signedAt = Fixture.instant(2024, 3, 2, 14)
        expected.acceptationStatus = .partiallyRefused
        expected.refusalReason = "Fût percé"
        expected.quantityReceived = Weight(grams: 1_100_000)
        expected.quantityRefused = Weight(grams: 200_000)
        expected.quantityType = .real
        expected.hasCiterneBeenWashedOut = false
        expected.citerneNotWashedOutReason = .unavailable
        expected.emptyReturnADR = "EMPTY_CITERNE"
        #expect(reception == expected)
        #expect(reception.quantityAccepted == Weight(grams: 900_000))
    }

    @Test func receivedWithoutAcceptanceHasNoSignature() throws {
        let reception = try FormInputs.received([
            "receivedBy": "Agent", "receivedAt": "2024-03-02", "signedAt": "2024-03-03",
        ])
        #expect(reception.signedBy == nil)
        #expect(reception.signedAt == Fixture.instant(2024, 3, 3))
        #expect(reception.acceptationStatus == nil)
    }

    @Test func acceptedReadsTheDecision() throws {
        let reception = try FormInputs.accepted([
            "wasteAcceptationStatus": "ACCEPTED", "signedAt": "2024-03-02T15:00:00Z",
            "signedBy": "Responsable", "quantityReceived": 1.05, "quantityReceivedType": "REAL",
        ])
        #expect(reception.acceptationStatus == .accepted)
        #expect(reception.signedBy == "Responsable")
        #expect(reception.signedAt == Fixture.instant(2024, 3, 2, 15))
        #expect(reception.quantityReceived == Weight(grams: 1_050_000))
        #expect(reception.quantityType == .real)
        #expect(reception.receivedAt == nil)
    }

    @Test func temporaryStorageStepsReadTheirQuantityType() throws {
        let stored = try FormInputs.tempStored([
            "receivedBy": "Magasinier", "receivedAt": "2024-03-02T08:00:00Z",
            "quantityReceived": 2, "quantityType": "ESTIMATED",
            "wasteAcceptationStatus": "ACCEPTED",
        ])
        #expect(stored.quantityType == .estimated)
        #expect(stored.signedBy == "Magasinier")
        #expect(stored.quantityReceived == .tonnes(2))
        let accepted = try FormInputs.tempStorerAccepted([
            "wasteAcceptationStatus": "REFUSED", "wasteRefusalReason": "Non conforme",
            "signedAt": "2024-03-02", "signedBy": "Chef", "quantityReceived": 2,
            "quantityRefused": 2, "quantityType": "REAL",
        ])
        #expect(accepted.acceptationStatus == .refused)
        #expect(accepted.refusalReason == "Non conforme")
        #expect(accepted.quantityRefused == .tonnes(2))
        #expect(accepted.quantityType == .real)
    }

    @Test func processedReadsTheTreatmentAndNextDestination() throws {
        let processing = try FormInputs.processed([
            "processingOperationDone": "D 13", "destinationOperationMode": .null,
            "processingOperationDescription": "Regroupement avant incinération",
            "processedBy": "Directeur", "processedAt": "2024-03-05",
            "nextDestination": [
                "processingOperation": "D 10", "notificationNumber": "FR2024123456",
                "company": [
                    "orgId": "BE0403170701", "name": "Incinérateur Anvers", "country": "BE",
                ],
            ],
            "noTraceability": false,
        ])
        var expected = Processing(
            operationDone: "D 13", processedBy: "Directeur",
            processedAt: Fixture.instant(2024, 3, 5))
        expected.description = "Regroupement avant incinération"
        var next = NextDestination()
        next.processingOperation = "D 10"
        next.notificationNumber = "FR2024123456"
        var company = FormCompany()
        company.name = "Incinérateur Anvers"
        company.vatNumber = "BE0403170701"
        company.country = "BE"
        next.company = company
        expected.nextDestination = next
        #expect(processing == expected)
        let mode = try FormInputs.processed([
            "processingOperationDone": "R 1",
            "destinationOperationMode": "VALORISATION_ENERGETIQUE",
            "processedBy": "D", "processedAt": "2024-03-05", "noTraceability": true,
        ])
        #expect(mode.operationMode == .valorisationEnergetique)
        #expect(mode.noTraceability)
    }

    @Test func processedWithoutCodeSignerOrDateIsRefused() {
        let error = Fixture.refusal { () throws(APIError) in
            try FormInputs.processed(["processedAt": "hier", "destinationOperationMode": "BURN"])
        }
        #expect(
            Fixture.issues(error) == [
                "processingOperationDone REQUIRED", "processedBy REQUIRED",
                "processedAt INVALID_DATE",
                "destinationOperationMode INVALID_VALUE",
            ])
    }

    @Test func resealedBuildsTheGivenBlocks() throws {
        let reseal = try FormInputs.resealed([
            "destination": [
                "cap": "CAP-9", "processingOperation": "R 1", "company": Fixture.destinationCompany,
            ],
            "wasteDetails": [
                "onuCode": "UN 1202", "quantity": 0.9, "quantityType": "REAL",
                "packagingInfos": [["type": "GRV", "quantity": 1]],
            ],
            "transporter": ["company": ["siret": "52114387200023"], "mode": "RAIL"],
        ])
        #expect(reseal.destination?.cap == "CAP-9")
        #expect(reseal.destination?.company?.siret == "13001045700013")
        var waste = WasteDetails()
        waste.onuCode = "UN 1202"
        waste.quantity = Weight(grams: 900_000)
        waste.quantityType = .real
        waste.packagings = [Packaging(type: .grv, quantity: 1)]
        #expect(reseal.wasteDetails == waste)
        #expect(reseal.transporter?.mode == .rail)
        #expect(try FormInputs.resealed([:]) == ResealInput())
    }

    @Test func resentGivesTheJourneyAndTheStorersSignature() throws {
        let (reseal, signature) = try FormInputs.resent([
            "destination": ["processingOperation": "R 1"], "signedBy": "Chef de dépôt",
            "signedAt": "2024-03-04T07:00:00+01:00",
        ])
        #expect(reseal.destination?.processingOperation == "R 1")
        #expect(reseal.transporter == nil)
        #expect(
            signature
                == SignEmissionInput(
                    emittedAt: Fixture.instant(2024, 3, 4, 6), emittedBy: "Chef de dépôt"))
        let error = Fixture.refusal { () throws(APIError) in
            try FormInputs.resent(["signedBy": "X"])
        }
        #expect(Fixture.issues(error) == ["signedAt REQUIRED"])
    }
}

@Suite struct FormInputsPaperImportTests {
    private let steps: JSONObject = [
        "signingInfo": ["sentAt": "2024-02-01T09:00:00", "sentBy": "Jean Dupont"],
        "receivedInfo": [
            "receivedBy": "Agent", "receivedAt": "2024-02-01T16:00:00",
            "wasteAcceptationStatus": "ACCEPTED", "quantityReceived": 1.2,
        ],
        "processedInfo": [
            "processingOperationDone": "R 9", "processedBy": "Directeur",
            "processedAt": "2024-02-10",
        ],
    ]

    @Test func newPaperFormReadsContentAndEverySignature() throws {
        var input = Fixture.createInput
        for (key, value) in steps { input[key] = value }
        let (id, imported) = try Fixture.inputs.paperImport(input, base: nil)
        #expect(id == nil)
        #expect(imported.content == Fixture.expectedCreatedContent())
        #expect(
            imported.emission
                == EmissionSignature(
                    emittedAt: Fixture.instant(2024, 2, 1, 9), emittedBy: "Jean Dupont"))
        #expect(
            imported.transport
                == TransportSignature(
                    number: 1, takenOverAt: Fixture.instant(2024, 2, 1, 9),
                    takenOverBy: "Jean Dupont"))
        #expect(imported.reception.acceptationStatus == .accepted)
        #expect(imported.reception.signedBy == "Agent")
        #expect(imported.reception.quantityReceived == Weight(grams: 1_200_000))
        #expect(
            imported.processing
                == Processing(
                    operationDone: "R 9", processedBy: "Directeur",
                    processedAt: Fixture.instant(2024, 2, 10)))
    }

    @Test func completingASealedFormMergesOverItsContent() throws {
        var input = steps
        input["id"] = "form-a"
        input["wasteDetails"] = ["quantity": 1.2, "quantityType": "REAL"]
        let base = Fixture.expectedCreatedContent()
        let (id, imported) = try Fixture.inputs.paperImport(input, base: base)
        #expect(id == "form-a")
        var expected = base
        expected.wasteDetails.quantity = Weight(grams: 1_200_000)
        expected.wasteDetails.quantityType = .real
        #expect(imported.content == expected)
    }

    @Test func missingStepBlocksAreRequired() {
        let error = Fixture.refusal { () throws(APIError) in
            try Fixture.inputs.paperImport(
                ["signingInfo": ["sentBy": "J"], "receivedInfo": .null], base: nil)
        }
        #expect(
            Fixture.issues(error) == [
                "signingInfo.sentAt REQUIRED", "receivedInfo REQUIRED", "processedInfo REQUIRED",
            ])
    }
}
