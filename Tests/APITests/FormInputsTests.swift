import Domain
import GraphQL
import Testing

@testable import API

/// Realistic Trackdéchets-style payloads, and a reader whose lookups answer from tables.
enum FormInputsFixture {
    /// BSDs the fixture's `formId` knows, by id, with their readable ids.
    static let knownForms = ["form-a": "BSD-20240105-A1B2C3D4", "form-b": "BSD-20240106-E5F6G7H8"]

    /// Transporters the fixture's `transporter` knows, by id.
    static let storedTransporters: [String: Transporter] = [
        "tr-road": transporter(
            siret: "38012986600040", name: "Transports Durand", plate: "AB-123-CD"),
        "tr-rail": transporter(siret: "52114387200023", name: "Fret Rail", plate: nil),
    ]

    /// A transporter with one plate by road, or none by rail.
    static func transporter(siret: String, name: String, plate: String?) -> Transporter {
        var transporter = Transporter()
        transporter.company = FormCompany(siret: siret, name: name)
        transporter.numberPlates = plate.map { [$0] } ?? []
        transporter.mode = plate == nil ? .rail : .road
        return transporter
    }

    /// A reader whose lookups answer from the tables above; `locked` ids are forbidden.
    static var inputs: FormInputs {
        FormInputs(formId: knownFormId, transporter: storedTransporter)
    }

    /// The `formId` lookup: by id or readable id in `knownForms`.
    static func knownFormId(_ id: String?, _ readableId: String?) throws(APIError) -> String {
        if id == "locked" { throw APIError(.forbidden, "Not yours.") }
        if let id, knownForms[id] != nil { return id }
        if let readableId, let match = knownForms.first(where: { $0.value == readableId }) {
            return match.key
        }
        throw APIError(.notFound, "No such BSD.")
    }

    /// The `transporter` lookup: by id in `storedTransporters`.
    static func storedTransporter(_ id: String) throws(APIError) -> Transporter {
        if id == "locked" { throw APIError(.forbidden, "Not yours.") }
        guard let found = storedTransporters[id] else {
            throw APIError(.notFound, "No such transporter.")
        }
        return found
    }

    /// The error `body` throws, or nil.
    static func refusal<T>(_ body: () throws(APIError) -> T) -> APIError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    /// The issues of a refusal as `path CODE` lines.
    static func issues(_ error: APIError?) -> [String] {
        error?.issues.map { "\($0.path) \($0.code)" } ?? []
    }

    /// An instant from its UTC parts.
    static func instant(
        _ year: Int, _ month: Int, _ day: Int, _ hour: Int64 = 0, _ minute: Int64 = 0,
        _ second: Int64 = 0, micro: Int64 = 0
    ) -> Domain.Timestamp {
        let midnight = Domain.Timestamp(year: year, month: month, day: day).microseconds
        return Domain.Timestamp(
            microseconds: midnight + ((hour * 60 + minute) * 60 + second) * 1_000_000 + micro)
    }

    /// A producer as `CompanyInput`.
    static let producerCompany: JSON = [
        "siret": "85001946400021", "name": "Garage du Centre",
        "address": "1 rue de la Gare, 69001 Lyon",
        "contact": "Mme Martin", "phone": "04 72 00 00 00", "mail": "contact@garage.example",
    ]

    /// A destination as `CompanyInput`, named by `orgId`.
    static let destinationCompany: JSON = [
        "orgId": "13001045700013", "name": "Centre de traitement Sud",
        "address": "ZI Nord, 13000 Marseille",
        "contact": "M. Roux", "phone": "04 91 00 00 00", "mail": "accueil@traitement.example",
    ]

    /// Used motor oil in drums and an IBC, as `WasteDetailsInput`.
    static let wasteDetailsInput: JSON = [
        "code": "13 02 05*", "name": "Huiles moteur usagées", "isDangerous": true, "pop": false,
        "isSubjectToADR": true, "onuCode": "UN 1202, 3, III", "quantity": 1.25,
        "quantityType": "ESTIMATED", "consistence": ["LIQUID"],
        "packagingInfos": [
            [
                "type": "FUT", "quantity": 4, "volume": 200.0,
                "identificationNumbers": ["F-1", "F-2"],
            ],
            ["type": "AUTRE", "other": "Cuve IBC", "quantity": 1],
        ],
    ]

    /// A `CreateFormInput` with every block filled in.
    static let createInput: JSONObject = [
        "customId": "ERP-2024-0042",
        "emitter": [
            "type": "PRODUCER", "company": producerCompany,
            "workSite": [
                "name": "Chantier Part-Dieu", "address": "5 bd Vivier-Merle", "city": "Lyon",
                "postalCode": "69003", "infos": "Accès par le quai B",
            ],
        ],
        "recipient": [
            "cap": "CAP-2024-118", "processingOperation": "R 9", "company": destinationCompany,
            "isTempStorage": false,
        ],
        "transporter": [
            "company": ["siret": "38012986600040", "name": "Transports Durand"],
            "receipt": "0123456789", "department": "69", "validityLimit": "2025-12-31",
            "numberPlate": "  GH-456-JK ", "mode": "ROAD", "customInfo": "Tournée 12",
        ],
        "wasteDetails": wasteDetailsInput,
        "trader": [
            "company": ["siret": "41234567800019", "name": "Négoce Déchets"],
            "receipt": "N-55", "department": "75", "validityLimit": "2026-06-30T00:00:00Z",
        ],
        "ecoOrganisme": ["name": "Cyclevia", "siret": "53284758900021"],
        "intermediaries": [["orgId": "FR87850019464", "name": "Courtage Europe"]],
    ]

    /// What `createInput` must give.
    static func expectedCreatedContent() -> FormContent {
        var content = FormContent()
        content.customId = "ERP-2024-0042"
        content.emitter.type = .producer
        content.emitter.company = FormCompany(
            siret: "85001946400021", name: "Garage du Centre",
            address: "1 rue de la Gare, 69001 Lyon",
            contact: "Mme Martin", phone: "04 72 00 00 00", mail: "contact@garage.example")
        var site = WorkSite()
        site.name = "Chantier Part-Dieu"
        site.address = "5 bd Vivier-Merle"
        site.city = "Lyon"
        site.postalCode = "69003"
        site.infos = "Accès par le quai B"
        content.emitter.workSite = site
        content.recipient.cap = "CAP-2024-118"
        content.recipient.processingOperation = "R 9"
        content.recipient.company = FormCompany(
            siret: "13001045700013", name: "Centre de traitement Sud",
            address: "ZI Nord, 13000 Marseille",
            contact: "M. Roux", phone: "04 91 00 00 00", mail: "accueil@traitement.example")
        var transporter = Transporter()
        transporter.company = FormCompany(siret: "38012986600040", name: "Transports Durand")
        transporter.receipt = "0123456789"
        transporter.department = "69"
        transporter.validityLimit = instant(2025, 12, 31)
        transporter.numberPlates = ["GH-456-JK"]
        transporter.mode = .road
        transporter.customInfo = "Tournée 12"
        content.transporters = [transporter]
        content.wasteDetails = expectedWasteDetails()
        var trader = TradingParty()
        trader.company = FormCompany(siret: "41234567800019", name: "Négoce Déchets")
        trader.receipt = "N-55"
        trader.department = "75"
        trader.validityLimit = instant(2026, 6, 30)
        content.trader = trader
        content.ecoOrganisme = EcoOrganisme(name: "Cyclevia", siret: "53284758900021")
        var intermediary = FormCompany()
        intermediary.name = "Courtage Europe"
        intermediary.vatNumber = "FR87850019464"
        content.intermediaries = [intermediary]
        return content
    }

    /// What `wasteDetailsInput` must give.
    static func expectedWasteDetails() -> WasteDetails {
        var waste = WasteDetails()
        waste.code = "13 02 05*"
        waste.name = "Huiles moteur usagées"
        waste.isDangerous = true
        waste.pop = false
        waste.isSubjectToADR = true
        waste.onuCode = "UN 1202, 3, III"
        waste.quantity = Weight(grams: 1_250_000)
        waste.quantityType = .estimated
        waste.consistences = [.liquid]
        var drums = Packaging(type: .fut, quantity: 4)
        drums.volume = 200
        drums.identificationNumbers = ["F-1", "F-2"]
        waste.packagings = [drums, Packaging(type: .autre, quantity: 1, other: "Cuve IBC")]
        return waste
    }
}

/// The shared payloads and helpers.
private typealias Fixture = FormInputsFixture

@Suite struct FormInputsContentTests {
    @Test func createReadsEveryBlockOfARealisticPayload() throws {
        let content = try Fixture.inputs.createContent(Fixture.createInput)
        #expect(content == Fixture.expectedCreatedContent())
    }

    @Test func orgIdBecomesSiretWhen14DigitsElseVatNumber() throws {
        let content = try Fixture.inputs.createContent([
            "emitter": ["company": ["orgId": "85001946400021"]],
            "recipient": ["company": ["orgId": "BE0403170701"]],
            "broker": ["company": ["orgId": "FR87850019464", "siret": "41234567800019"]],
        ])
        #expect(content.emitter.company?.siret == "85001946400021")
        #expect(content.emitter.company?.vatNumber == nil)
        #expect(content.recipient.company?.vatNumber == "BE0403170701")
        #expect(content.recipient.company?.siret == nil)
        #expect(content.broker?.company?.siret == "41234567800019")
        #expect(content.broker?.company?.vatNumber == nil)
    }

    @Test func temporaryStorageDestinationAndDirectSupplyAreRead() throws {
        let content = try Fixture.inputs.createContent([
            "recipient": ["isTempStorage": true, "processingOperation": "R 13"],
            "temporaryStorageDetail": [
                "destination": [
                    "cap": "CAP-77", "processingOperation": "R 1", "isFilledByEmitter": true,
                    "company": ["siret": "13001045700013", "name": "Incinérateur"],
                ]
            ],
            "isDirectSupply": true,
        ])
        #expect(content.recipient.isTempStorage)
        #expect(content.isDirectSupply)
        #expect(content.temporaryStorageDestination?.cap == "CAP-77")
        #expect(content.temporaryStorageDestination?.processingOperation == "R 1")
        #expect(content.temporaryStorageDestination?.company?.name == "Incinérateur")
    }

    @Test func updateKeepsFieldsLeftOut() throws {
        let base = Fixture.expectedCreatedContent()
        let updated = try Fixture.inputs.updatedContent(
            ["id": "form-a", "customId": "ERP-43"], base: base)
        var expected = base
        expected.customId = "ERP-43"
        #expect(updated == expected)
    }

    @Test func updateClearsFieldsGivenAsNull() throws {
        let base = Fixture.expectedCreatedContent()
        let updated = try Fixture.inputs.updatedContent(
            [
                "customId": .null, "trader": .null,
                "emitter": ["workSite": .null, "company": ["phone": .null]],
                "wasteDetails": ["quantity": .null, "consistence": .null, "packagingInfos": .null],
                "recipient": .null,
            ], base: base)
        var expected = base
        expected.customId = nil
        expected.trader = nil
        expected.emitter.workSite = nil
        expected.emitter.company?.phone = nil
        expected.wasteDetails.quantity = nil
        expected.wasteDetails.consistences = []
        expected.wasteDetails.packagings = []
        expected.recipient = Recipient()
        #expect(updated == expected)
    }

    @Test func updateMergesNestedObjectsFieldByField() throws {
        let base = Fixture.expectedCreatedContent()
        let updated = try Fixture.inputs.updatedContent(
            [
                "emitter": ["company": ["contact": "M. Petit"], "workSite": ["infos": "Quai C"]],
                "wasteDetails": ["quantity": 2],
                "trader": ["receipt": "N-56"],
            ], base: base)
        var expected = base
        expected.emitter.company?.contact = "M. Petit"
        expected.emitter.workSite?.infos = "Quai C"
        expected.wasteDetails.quantity = .tonnes(2)
        expected.trader?.receipt = "N-56"
        #expect(updated == expected)
    }

    @Test func updateReplacesListsWhole() throws {
        let base = Fixture.expectedCreatedContent()
        let updated = try Fixture.inputs.updatedContent(
            [
                "wasteDetails": [
                    "consistence": ["SOLID", "DOUGHY"],
                    "packagingInfos": [["type": "BENNE", "quantity": 1]],
                ],
                "intermediaries": [],
            ], base: base)
        var expected = base
        expected.wasteDetails.consistences = [.solid, .doughy]
        expected.wasteDetails.packagings = [Packaging(type: .benne, quantity: 1)]
        expected.intermediaries = []
        #expect(updated == expected)
    }

    @Test func updateStartsAbsentBlocksFromEmpty() throws {
        var base = Fixture.expectedCreatedContent()
        base.broker = nil
        let updated = try Fixture.inputs.updatedContent(["broker": ["receipt": "C-9"]], base: base)
        var broker = TradingParty()
        broker.receipt = "C-9"
        #expect(updated.broker == broker)
    }

    @Test func nullFlagsAndBlocksThatAlwaysExistGoBackToTheirDefault() throws {
        var base = FormContent()
        base.emitter.isPrivateIndividual = true
        base.isDirectSupply = true
        let updated = try Fixture.inputs.updatedContent(
            ["emitter": ["isPrivateIndividual": .null], "isDirectSupply": .null], base: base)
        #expect(!updated.emitter.isPrivateIndividual)
        #expect(!updated.isDirectSupply)
    }
}
