import Domain
import Foundation
import GraphQL
import Identity
import Ledger
import Logging
import Projections
import Testing

@testable import API

/// The shared payloads and helpers.
private typealias Fixture = FormInputsFixture

@Suite struct FormInputsConversionTests {
    @Test(arguments: [
        ("2024-01-05T10:30:00Z", Fixture.instant(2024, 1, 5, 10, 30)),
        ("2024-01-05T10:30:00.123456Z", Fixture.instant(2024, 1, 5, 10, 30, micro: 123_456)),
        ("2024-01-05T10:30:00.5+01:00", Fixture.instant(2024, 1, 5, 9, 30, micro: 500_000)),
        ("2024-01-05T10:30:00-02:30", Fixture.instant(2024, 1, 5, 13, 0)),
        ("2024-01-05t10:30:00z", Fixture.instant(2024, 1, 5, 10, 30)),
        ("2024-01-05", Fixture.instant(2024, 1, 5)),
        ("2024-02-29", Fixture.instant(2024, 2, 29)),
        ("2024-01-05T10:30:00", Fixture.instant(2024, 1, 5, 10, 30)),
        ("2024-01-05T10:30:00.1234567", Fixture.instant(2024, 1, 5, 10, 30, micro: 123_456)),
        ("2024-01-05 10:30:15", Fixture.instant(2024, 1, 5, 10, 30, 15)),
        ("2024-01-05T10:30", Fixture.instant(2024, 1, 5, 10, 30)),
        ("1969-12-31T23:59:59Z", Domain.Timestamp(microseconds: -1_000_000)),
    ])
    func dateTimeFormsParseToUTCMicroseconds(text: String, expected: Domain.Timestamp) throws {
        #expect(try FormInputs.timestamp(text, path: "emittedAt") == expected)
    }

    @Test(arguments: [
        "", "2024-1-5", "2024-13-01", "2023-02-29", "2024-01-05T", "2024-01-05T25:00:00Z",
        "2024-01-05T10:30:00.Z", "2024-01-05T10:30:00+0100", "05/01/2024", "2024-01-05Z",
        "2024-01-05T10:30:00Z trailing",
    ])
    func malformedDatesAreInvalidDate(text: String) {
        let error = Fixture.refusal { () throws(APIError) in
            try FormInputs.timestamp(text, path: "signingInfo.sentAt")
        }
        #expect(error?.code == .badUserInput)
        #expect(Fixture.issues(error) == ["signingInfo.sentAt INVALID_DATE"])
    }

    @Test(arguments: [
        (JSON.double(1.5), Int64(1_500_000)),
        (.int(3), 3_000_000),
        (.double(0.0000005), 1),
        (.double(0.0000004), 0),
        (.double(0.0000015), 2),
        (.double(2.0000025), 2_000_003),
        (.double(0.1 + 0.2), 300_000),
        (.double(12.3456789), 12_345_679),
        (.double(0), 0),
        (.double(1e9), 1_000_000_000_000_000),
    ])
    func tonnesRoundToTheNearestGram(value: JSON, grams: Int64) throws {
        #expect(try FormInputs.weight(value, path: "wasteDetails.quantity") == Weight(grams: grams))
    }

    @Test(arguments: [
        JSON.double(-0.001), .int(-1), .double(.nan), .double(.infinity), .double(1e9 + 1),
        .string("1.5"), .bool(true),
    ])
    func impossibleQuantitiesAreInvalidQuantity(value: JSON) {
        let error = Fixture.refusal { () throws(APIError) in
            try FormInputs.weight(value, path: "wasteDetails.quantity")
        }
        #expect(Fixture.issues(error) == ["wasteDetails.quantity INVALID_QUANTITY"])
    }

    @Test func packagingVolumesBecomeWholeLitres() throws {
        let content = try Fixture.inputs.createContent([
            "wasteDetails": [
                "packagingInfos": [
                    ["type": "GRV", "quantity": 1, "volume": 1000.4],
                    ["type": "FUT", "quantity": 2, "volume": 0.2],
                    ["type": "CITERNE", "quantity": 1, "volume": 30000],
                ]
            ]
        ])
        #expect(content.wasteDetails.packagings.map(\.volume) == [1000, 1, 30000])
        #expect(content.wasteDetails.packagings.map(\.identificationNumbers) == [[], [], []])
    }

    @Test func badPackagingsAreIssuesAtTheirIndex() {
        let error = Fixture.refusal { () throws(APIError) in
            try Fixture.inputs.createContent([
                "wasteDetails": [
                    "packagingInfos": [
                        ["type": "FUT", "quantity": 1, "volume": -5],
                        ["quantity": 2],
                        ["type": "SAC", "quantity": 1.5],
                    ]
                ]
            ])
        }
        #expect(
            Fixture.issues(error) == [
                "wasteDetails.packagingInfos.0.volume INVALID_VOLUME",
                "wasteDetails.packagingInfos.1.type REQUIRED",
                "wasteDetails.packagingInfos.2.type INVALID_VALUE",
                "wasteDetails.packagingInfos.2.quantity INVALID_VALUE",
            ])
    }

    @Test func everyIssueOfAnInputIsReportedAtOnce() {
        let error = Fixture.refusal { () throws(APIError) in
            try Fixture.inputs.createContent([
                "emitter": ["type": "FACTORY", "company": ["siret": 85_001_946_400_021]],
                "wasteDetails": ["quantity": -2, "consistence": ["SOLID", "PLASMA"]],
                "trader": ["validityLimit": "31/12/2025"],
                "transporters": ["gone"],
            ])
        }
        #expect(error?.code == .badUserInput)
        #expect(
            Fixture.issues(error) == [
                "emitter.type INVALID_VALUE", "emitter.company.siret INVALID_VALUE",
                "wasteDetails.consistence.1 INVALID_VALUE",
                "wasteDetails.quantity INVALID_QUANTITY",
                "trader.validityLimit INVALID_DATE", "transporters.0 NOT_FOUND",
            ])
    }
}

@Suite struct DateTimeScalarTests {
    /// A one-field schema echoing its `DateTime` argument as the resolver receives it.
    private func echoSchema() throws -> GraphQLSchema {
        try GraphQLSchema(
            sdl: "scalar DateTime\ntype Query { echo(at: DateTime!): String }",
            resolvers: SchemaResolvers(
                fields: ["Query": ["echo": { _, arguments, _, _ in arguments["at"] }]],
                scalars: ["DateTime": APIScalars.dateTime]))
    }

    @Test func dateOnlyLiteralAndVariableReachResolversAsRFC3339() async throws {
        let schema = try echoSchema()
        let literal = await graphql(
            schema: schema, request: ExecutionRequest(source: #"{ echo(at: "2024-01-05") }"#))
        #expect(literal.errors.isEmpty)
        #expect(literal.data == ["echo": "2024-01-05T00:00:00.000000Z"])
        let variable = await graphql(
            schema: schema,
            request: ExecutionRequest(
                source: "query ($at: DateTime!) { echo(at: $at) }",
                variables: ["at": "2024-01-05T10:00:00.5"]))
        #expect(variable.errors.isEmpty)
        #expect(variable.data == ["echo": "2024-01-05T10:00:00.500000Z"])
    }

    @Test func malformedDateTimesAreRefusedByTheScalar() async throws {
        let schema = try echoSchema()
        let literal = await graphql(
            schema: schema, request: ExecutionRequest(source: #"{ echo(at: "05/01/2024") }"#))
        #expect(literal.data == nil)
        #expect(literal.errors.count == 1)
        let variable = await graphql(
            schema: schema,
            request: ExecutionRequest(
                source: "query ($at: DateTime!) { echo(at: $at) }", variables: ["at": 20_240_105]))
        #expect(variable.data == nil)
        #expect(variable.errors.first?.category == .coercion)
    }

    @Test func apiSchemaBuildsAndTakesDateOnlyDateTimes() async throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("bsd-ledger-Fixture.inputs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var options = LedgerOptions()
        options.projections = [IdentityProjection()]
        let ledger = try ProjectionRebuilder.openLedger(path: folder, options: options)
        defer { ledger.close() }
        var configuration = IdentityConfiguration()
        configuration.passwordHashing = .testingMinimum
        let identity = try IdentityService(
            ledger: ledger, secrets: .generate(), configuration: configuration,
            logger: Logger.discarding(label: "identity"))
        let forms = FormResolvers(identity: identity, ledger: ledger)
        let schema = try APISchema.make(identity: identity, forms: forms)
        let mutation = """
            mutation ($at: DateTime!) {
              a: signTransportForm(id: "f", input: {takenOverAt: "2024-01-05", takenOverBy: "P"}) { id }
              b: signTransportForm(id: "f", input: {takenOverAt: $at, takenOverBy: "P"}) { id }
            }
            """
        #expect(validate(schema: schema, document: try parse(mutation)).isEmpty)
        let result = await graphql(
            schema: schema,
            request: ExecutionRequest(source: mutation, variables: ["at": "2024-01-05"]))
        // The dates pass coercion; the first resolver then runs and refuses the anonymous
        // caller (a non-null mutation field failing stops the serial execution there).
        #expect(result.errors.count == 1)
        #expect(result.errors.allSatisfy { $0.category == GraphQLError.Category.execution })
    }
}
