import Domain
import Foundation
import GraphQL
import Ledger
import Projections
import Testing

@testable import API

/// Runs rendered BSDs through the real schema (`APISchema.sdl` + `FormSchema.sdl`), so that
/// every key, enum value and scalar of ``FormView`` must match the types it claims.
@Suite struct FormViewSchemaTests {
    typealias World = FormViewWorld

    @Test func everyScenarioExecutesThroughTheFormTypeWithoutErrors() async throws {
        let forms = try Self.scenarioForms()
        #expect(forms.count == 8)
        let schema = try Self.schema(forms: forms)
        for (id, rendered) in forms {
            let result = await graphql(
                schema: schema,
                request: ExecutionRequest(source: Self.formDocument, variables: ["id": .string(id)])
            )
            #expect(result.errors.isEmpty, "\(id): \(result.errors)")
            #expect(result.data?[path: "form.id"] == .string(id))
            #expect(result.data?[path: "form.status"] == rendered["status"])
        }
    }

    @Test(
        arguments: [
            ("status", "NOT_A_STATUS"), ("quantityGrouped", "lots"), ("createdAt", "yesterday"),
            ("transporters", JSON.list([["mode": "TRUCK"]])),
        ] as [(String, JSON)])
    func aValueOfTheWrongTypeFailsTheSchemaCheck(key: String, value: JSON) async throws {
        var world = World()
        let id = try world.run(.create(World.content()))
        guard case .object(var form) = FormView().json(try #require(world.forms[id])) else {
            Issue.record("a form renders as an object")
            return
        }
        form[key] = value
        let result = await graphql(
            schema: try Self.schema(forms: [id: .object(form)]),
            request: ExecutionRequest(source: Self.formDocument, variables: ["id": .string(id)]))
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.path.prefix(2) == [.key("form"), .key(key)])
    }

    @Test func lifecyclePageFromTheProjectionRendersAsFormsLifeCycleData() async throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("bsd-form-view-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var options = LedgerOptions()
        options.durability = .noSync
        options.initialMapSize = 1 << 26
        let ledger = try ProjectionRebuilder.openLedger(path: folder, options: options)
        defer { ledger.close() }
        let commands = FormCommands(ledger: ledger)
        let actor = Actor(userId: "user-1", companyOrgId: World.emitter)
        func run(_ command: FormCommand, on id: String?, minute: Int64) throws {
            _ = try commands.executeWaiting(
                CommandRequest(
                    command, formId: id, actor: actor, now: World.at(0, minute),
                    newFormId: id == nil ? "bsd-1" : nil))
        }
        try run(.create(World.content()), on: nil, minute: 1)
        try run(.seal, on: "bsd-1", minute: 2)
        var emission = SignEmissionInput(emittedAt: World.at(8), emittedBy: "Emma")
        emission.quantity = Weight(grams: 2_000_000)
        try run(.signEmission(emission), on: "bsd-1", minute: 3)
        let page = try FormQueries(ledger: ledger).lifecycle(
            LifecycleFilter(siret: World.emitter), companies: [World.emitter])
        let data = FormView.lifecycle(page) { $0 == "user-1" ? "emma@example.fr" : nil }

        #expect(data["count"] == 3)
        #expect(data["hasNextPage"] == false)
        #expect(data[path: "statusLogs.0.status"] == "SIGNED_BY_PRODUCER")
        #expect(data[path: "statusLogs.2.status"] == "DRAFT")
        #expect(data[path: "statusLogs.0.loggedAt"] == "2026-03-01T00:03:00.000000Z")
        #expect(data[path: "statusLogs.0.form.id"] == "bsd-1")
        #expect(data[path: "statusLogs.0.form.readableId"] == "TD-26-AAA00001")
        #expect(data[path: "statusLogs.0.user.email"] == "emma@example.fr")
        #expect(data[path: "statusLogs.0.id"] == .string(String(page.statusLogs[0].id)))
        #expect(
            data[path: "statusLogs.0.updatedFields"]
                == [["from": 1_500_000, "path": "wasteDetails.quantity", "to": 2_000_000]])
        #expect(data["startCursor"] == page.startCursor.map(JSON.string))

        let schema = try GraphQLSchema(
            sdl: APISchema.sdl + "\n" + FormSchema.sdl,
            resolvers: SchemaResolvers(
                fields: ["Query": ["formsLifeCycle": { _, _, _, _ in data }]],
                scalars: ["DateTime": .dateTime, "JSON": .json]))
        let result = await graphql(
            schema: schema,
            request: ExecutionRequest(
                source: """
                    { formsLifeCycle { statusLogs { id status loggedAt updatedFields
                        form { id readableId } user { id email } }
                      hasNextPage hasPreviousPage startCursor endCursor count } }
                    """))
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.data?[path: "formsLifeCycle.statusLogs.1.status"] == "SEALED")
    }

    /// A schema whose `form(id:)` answers the rendered BSDs.
    static func schema(forms: [String: JSON]) throws -> GraphQLSchema {
        try GraphQLSchema(
            sdl: APISchema.sdl + "\n" + FormSchema.sdl,
            resolvers: SchemaResolvers(
                fields: [
                    "Query": [
                        "form": { _, arguments, _, _ in
                            guard case .string(let id)? = arguments["id"], let form = forms[id]
                            else { return nil }
                            return form
                        }
                    ]
                ],
                scalars: ["DateTime": .dateTime, "JSON": .json]))
    }

    /// Every scenario of ``FormViewTests``, rendered with its linked BSDs, by id.
    static func scenarioForms() throws -> [String: JSON] {
        let world = try scenarioWorld()
        let view = FormView { world.forms[$0] }
        return world.forms.mapValues { view.json($0) }
    }

    /// A rendering limited to some fields holds exactly those fields of the full one.
    @Test func renderingTheWantedFieldsGivesThoseOfTheFullRendering() throws {
        let world = try Self.scenarioWorld()
        let view = FormView { world.forms[$0] }
        for state in world.forms.values {
            guard case .object(let full) = view.json(state) else {
                Issue.record("a form renders as an object")
                return
            }
            let keys = Array(full.keys)
            let selections = keys.map { [$0] } + [["id", "status"], keys, ["unknownField"]]
            for selection in selections {
                let wanted = Set(selection)
                guard case .object(let part) = view.json(state, wanted: wanted) else {
                    Issue.record("a form renders as an object")
                    return
                }
                #expect(Set(part.keys) == wanted.intersection(keys), "\(selection)")
                for key in part.keys { #expect(part[key] == full[key], "\(key)") }
            }
        }
    }

    static func scenarioWorld() throws -> World {
        var world = World()
        _ = try world.run(.create(World.content()))
        let processed = try world.sent()
        try world.run(.markReceived(World.acceptance()), on: processed, as: World.recipient)
        try world.run(.markProcessed(World.processing()), on: processed, as: World.recipient)
        var multimodal = World.content()
        multimodal.transporters.append(World.carrier(World.secondTransporter, mode: .rail))
        multimodal.transporters.append(World.carrier(World.thirdTransporter))
        let sent = try world.sent(multimodal)
        try world.run(
            .signTransport(SignTransportInput(takenOverAt: World.at(11), takenOverBy: "Rémi")),
            on: sent, as: World.secondTransporter)
        let stored = try world.sent(FormViewTests.plannedStorage())
        try world.run(.markTempStored(World.acceptance(hour: 10)), on: stored, as: World.storer)
        var reseal = ResealInput()
        reseal.transporter = World.carrier(World.secondTransporter)
        try world.run(.markResealed(reseal), on: stored, as: World.storer)
        let refused = try world.sent()
        try world.run(
            .markReceived(World.acceptance(.refused, received: 1_500_000, refused: 1_500_000)),
            on: refused, as: World.recipient)
        _ = try FormViewTests.regroupement(&world)
        return world
    }

    static let formDocument = """
        fragment Company on FormCompany {
          name orgId siret vatNumber address country contact phone mail omiNumber extraEuropeanId
        }
        fragment Carrier on Transporter {
          id company { ...Company } isExemptedOfReceipt receipt department validityLimit
          numberPlate customInfo mode takenOverAt takenOverBy
        }
        fragment Waste on WasteDetails {
          code name isDangerous pop isSubjectToADR onuCode nonRoadRegulationMention
          packagingInfos { type other quantity volume identificationNumbers }
          numberOfPackages quantity quantityType consistence sampleNumber
        }
        fragment Place on Recipient { cap processingOperation company { ...Company } isTempStorage }
        fragment Initial on InitialForm {
          id readableId status wasteDetails { ...Waste } emitter { type company { ...Company } }
          recipient { ...Place } signedAt quantityReceived quantityAccepted quantityGrouped
          processingOperationDone
        }
        query ($id: ID) {
          form(id: $id) {
            id readableId customId isDuplicateOf isImportedFromPaper status createdAt updatedAt
            emitter {
              type workSite { name address city postalCode infos } pickupSite
              company { ...Company } isPrivateIndividual isForeignShip
            }
            recipient { ...Place }
            transporter { ...Carrier } transporters { ...Carrier } isDirectSupply
            wasteDetails { ...Waste }
            trader { company { ...Company } receipt department validityLimit }
            broker { company { ...Company } receipt department validityLimit }
            ecoOrganisme { name siret } intermediaries { ...Company }
            emittedAt emittedBy emittedByEcoOrganisme takenOverAt takenOverBy
            signedByTransporter sentAt sentBy
            wasteAcceptationStatus wasteRefusalReason hasCiterneBeenWashedOut
            citerneNotWashedOutReason emptyReturnADR receivedBy receivedAt signedAt signedBy
            quantityReceived quantityReceivedType quantityAccepted quantityRefused
            processingOperationDone destinationOperationMode processingOperationDescription
            processedBy processedAt noTraceability
            nextDestination { processingOperation company { ...Company } notificationNumber }
            appendix2Forms { ...Initial }
            grouping { form { ...Initial } quantity }
            quantityGrouped
            groupedIn { form { ...Initial } quantity }
            temporaryStorageDetail {
              temporaryStorer {
                quantityType quantityReceived quantityRefused quantityAccepted
                wasteAcceptationStatus wasteRefusalReason receivedAt receivedBy signedAt signedBy
              }
              destination { cap processingOperation company { ...Company } isFilledByEmitter }
              wasteDetails { ...Waste } transporter { ...Carrier }
              emittedAt emittedBy takenOverAt takenOverBy signedAt signedBy
            }
            stateSummary {
              quantity packagingInfos { type other quantity volume identificationNumbers }
              onuCode transporter { ...Company } transporterNumberPlate transporterCustomInfo
              recipient { ...Company } emitter { ...Company } lastActionOn
            }
            transportSegments {
              id previousTransporterCompanySiret transporter { ...Carrier } mode
              takenOverAt takenOverBy readyToTakeOver segmentNumber
            }
            currentTransporterSiret nextTransporterSiret
          }
        }
        """
}
