import Foundation
import Testing

@testable import GraphQL

@Suite struct ExecutionTests {
    let schema: GraphQLSchema

    init() throws {
        schema = try TestSchema.make()
    }

    func run(
        _ source: String, variables: JSONObject = [:], context: any Sendable = JSON.null
    )
        async -> ExecutionResult
    {
        await graphql(
            schema: schema,
            request: ExecutionRequest(source: source, variables: variables, context: context))
    }

    @Test func resultsKeepFieldOrderInJSONText() async {
        let result = await run("{ b: whoAmI a: slow pets { ... on Dog { name } __typename } }")
        #expect(result.errors.isEmpty)
        #expect(
            result.json.jsonText
                == #"{"data":{"b":null,"a":7,"pets":[{"name":"Rex","__typename":"Dog"},{"__typename":"Cat"}]}}"#
        )
    }

    @Test func contextReachesResolvers() async {
        let result = await run("{ whoAmI }", context: TestSchema.Context(user: "ada"))
        #expect(result.data == ["whoAmI": "ada"])
    }

    @Test func resolverErrorCarriesCodePathAndLocation() async {
        let result = await run("{ slow\n  forbidden }")
        #expect(result.data == ["slow": 7, "forbidden": .null])
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.path == [.key("forbidden")])
        #expect(result.errors.first?.extensions?["code"] == "FORBIDDEN")
        #expect(result.errors.first?.locations == [SourceLocation(line: 2, column: 3)])
    }

    @Test func nullInNonNullFieldPropagatesToNullableParent() async {
        let result = await run("{ badDog { name barks } }")
        #expect(result.data == ["badDog": .null])
        #expect(result.errors.map(\.path) == [[.key("badDog"), .key("barks")]])
    }

    @Test func nullInNonNullListItemNullsTheList() async {
        let schema = try! GraphQLSchema(
            query: GraphQLObjectType(
                "Query",
                fields: [
                    GraphQLField("items", type: .list(.nonNull("Int"))) { _, _, _, _ in
                        JSON.list([1, .null, 3])
                    }
                ]))
        let result = await graphql(schema: schema, request: ExecutionRequest(source: "{ items }"))
        #expect(result.data == ["items": .null])
        #expect(result.errors.first?.path == [.key("items"), .index(1)])
    }

    @Test func swiftValuesFromResolversComplete() async throws {
        let schema = try GraphQLSchema(
            query: GraphQLObjectType(
                "Query",
                fields: [
                    GraphQLField("words", type: .list("String")) { _, _, _, _ in ["a", "b"] },
                    GraphQLField("maybe", type: .list("Int")) { _, _, _, _ in [1, nil, 3] as [Int?]
                    },
                    GraphQLField("record", type: "Record") { _, _, _, _ in
                        ["id": 7, "tags": ["x"]] as [String: any Sendable]
                    },
                ]),
            types: [
                .object(
                    GraphQLObjectType(
                        "Record",
                        fields: [
                            GraphQLField("id", type: .nonNull("ID")),
                            GraphQLField("tags", type: .list(.nonNull("String"))),
                        ]))
            ])
        let result = await graphql(
            schema: schema, request: ExecutionRequest(source: "{ words maybe record { id tags } }"))
        #expect(result.errors.isEmpty)
        #expect(
            result.data == [
                "words": ["a", "b"], "maybe": [1, .null, 3], "record": ["id": "7", "tags": ["x"]],
            ])
    }

    @Test func aResolverKnowsTheFieldsSelectedOnItsValueThroughFragments() async throws {
        let schema = try GraphQLSchema(
            query: GraphQLObjectType(
                "Query",
                fields: [
                    GraphQLField("record", type: "Record") { _, _, _, info in
                        let names = info.selectedFieldNames.sorted().joined(separator: ",")
                        return JSON.object(["id": .string(names), "tags": .list([])])
                    }
                ]),
            types: [
                .object(
                    GraphQLObjectType(
                        "Record",
                        fields: [
                            GraphQLField("id", type: .nonNull("ID")),
                            GraphQLField("tags", type: .list(.nonNull("String"))),
                        ]))
            ])
        let source = """
            query { record { id ...More ... on Record { tags } } record { __typename } }
            fragment More on Record { id tags }
            """
        let result = await graphql(schema: schema, request: ExecutionRequest(source: source))
        #expect(result.errors.isEmpty)
        #expect(
            result.data == [
                "record": ["id": "__typename,id,tags", "tags": [], "__typename": "Record"]
            ])
    }

    @Test func mutationsRunSeriallyInDocumentOrder() async throws {
        let journal = TestSchema.Journal()
        let schema = try TestSchema.make(journal: journal)
        let result = await graphql(
            schema: schema, request: ExecutionRequest(source: "mutation { first second third }"))
        #expect(result.data == ["first": "first", "second": "second", "third": "third"])
        #expect(await journal.entries == ["first", "second", "third"])
    }

    @Test func variablesAreCoercedWithDefaults() async {
        let result = await run(
            "query ($s: Size = LARGE, $j: JSON) { a: size(of: $s) b: size echo(value: $j) }",
            variables: ["j": ["x": [1, 2]]])
        #expect(result.data == ["a": "LARGE", "b": "SMALL", "echo": ["x": [1, 2]]])
    }

    @Test func invalidVariableStopsBeforeExecution() async {
        let result = await run("query ($s: Size) { size(of: $s) }", variables: ["s": "HUGE"])
        #expect(result.data == nil)
        #expect(result.errors.first?.category == .coercion)
        #expect(result.errors.first?.locations == [SourceLocation(line: 1, column: 8)])
    }

    @Test func oneOfInputAcceptsExactlyOneField() async {
        let good = await run(#"{ pet(by: {name: "Tom"}) { ... on Cat { lives } } }"#)
        #expect(good.data == ["pet": ["lives": 9]])
        let two = await run(#"{ pet(by: {name: "Tom", id: "1"}) { __typename } }"#)
        #expect(two.errors.first?.category == .validation)
        let variable = await run(
            "query ($by: PetBy!) { pet(by: $by) { __typename } }",
            variables: ["by": ["name": "Tom", "id": "2"]])
        #expect(variable.errors.first?.category == .coercion)
    }

    @Test func dateTimeAcceptsLeapDaysOnlyInLeapYears() throws {
        let scalar = GraphQLScalarType.dateTime
        #expect(
            try scalar.parseInput("2024-02-29T23:59:59.5+01:00") == "2024-02-29T23:59:59.5+01:00")
        #expect(throws: GraphQLError.self) { try scalar.parseInput("2023-02-29T00:00:00Z") }
        #expect(throws: GraphQLError.self) { try scalar.parseInput("2024-01-01 00:00:00Z") }
        #expect(throws: GraphQLError.self) { try scalar.parseInput(.int(1)) }
    }

    @Test func abstractTypesResolveFromTypename() async {
        let result = await run("{ named { name ... on Cat { lives } } }")
        #expect(result.data == ["named": [["name": "Rex"], ["name": "Tom", "lives": 9]]])
    }

    @Test func subscriptionExecutesOnceForEachEvent() async throws {
        let document = try parse("subscription { counter(upTo: 3) }")
        let outcome = await subscribe(
            schema: schema, document: document, request: ExecutionRequest(source: ""))
        guard case .stream(let stream) = outcome else {
            Issue.record("expected a stream")
            return
        }
        var values: [JSON?] = []
        for try await result in stream { values.append(result.data?["counter"]) }
        #expect(values == [1, 2, 3])
    }

    @Test func subscriptionWithoutSourceFails() async throws {
        let document = try parse("query { slow }")
        let outcome = await subscribe(
            schema: schema, document: document, request: ExecutionRequest(source: ""))
        guard case .failure(let result) = outcome else {
            Issue.record("expected a failure")
            return
        }
        #expect(result.errors.count == 1)
    }
}

@Suite struct ScalarTests {
    @Test func dateTimeSerialisesFoundationDatesInUTC() throws {
        let date = Date(timeIntervalSince1970: 1_709_210_096.789)
        #expect(try GraphQLScalarType.dateTime.serializeValue(date) == "2024-02-29T12:34:56.789Z")
        let before1970 = Date(timeIntervalSince1970: -1.5)
        #expect(
            try GraphQLScalarType.dateTime.serializeValue(before1970) == "1969-12-31T23:59:58.500Z")
    }

    @Test func eventsWrapsAnyAsyncSequence() async throws {
        let stream = AsyncThrowingStream<any Sendable, any Error>.events(
            AsyncStream { continuation in
                continuation.yield(1)
                continuation.yield(2)
                continuation.finish()
            })
        var seen: [Int] = []
        for try await event in stream { seen.append(event as? Int ?? -1) }
        #expect(seen == [1, 2])
    }
}
