import Testing

@testable import GraphQL

@Suite struct SchemaTests {
    @Test func schemaFromSDLRoundTripsThroughPrinting() throws {
        let sdl = """
            \"\"\"The root.\"\"\"
            type Query {
              pet(by: PetBy!, size: Size = LARGE): Pet
              old: String @deprecated(reason: "Gone.")
            }

            input PetBy @oneOf {
              name: String
              id: ID
            }

            enum Size {
              SMALL
              LARGE @deprecated
            }

            union Pet = Dog

            type Dog {
              name: String
            }
            """
        let schema = try GraphQLSchema(sdl: sdl)
        #expect(schema.printSDL() == sdl)
        let again = try GraphQLSchema(sdl: schema.printSDL())
        #expect(again.printSDL() == sdl)
    }

    @Test func unknownTypeReferenceIsASchemaError() {
        do {
            _ = try GraphQLSchema(sdl: "type Query { a: Missing }")
            Issue.record("expected a schema error")
        } catch {
            #expect(error.category == .schema)
            #expect(error.message.contains("Missing"))
        }
    }

    @Test func objectMustHaveItsInterfaceFields() {
        #expect(throws: GraphQLError.self) {
            try GraphQLSchema(sdl: "type Query implements I { a: Int } interface I { b: Int }")
        }
    }

    @Test func introspectionListsDeprecatedOnlyWhenAsked() async throws {
        let schema = try TestSchema.make()
        let result = await graphql(
            schema: schema,
            request: ExecutionRequest(
                source: """
                    { __type(name: "Query") { a: fields { name } b: fields(includeDeprecated: true) { name } } }
                    """))
        let visible = result.data?["__type"]?["a"]
        let all = result.data?["__type"]?["b"]
        guard case .list(let few)? = visible, case .list(let many)? = all else {
            Issue.record("expected two field lists")
            return
        }
        #expect(many.count == few.count + 1)
    }

    @Test func oneOfIsVisibleInIntrospection() async throws {
        let schema = try TestSchema.make()
        let result = await graphql(
            schema: schema,
            request: ExecutionRequest(source: #"{ __type(name: "PetBy") { isOneOf } }"#))
        #expect(result.data == ["__type": ["isOneOf": true]])
    }
}

@Suite struct SchemaRuleTests {
    @Test(arguments: [
        "type Query { a: Int } type __Mine { a: Int }",
        "type Query { a: Pet } interface Pet { name: String } type Dog implements Pet { name: Int }",
        "type Query { a: Pet } interface Pet { f(x: Int): Int } type Dog implements Pet { f: Int }",
        "type Query { a: Pet } interface Pet { f: Int } type Dog implements Pet { f(x: Int!): Int }",
        "type Query { a: B } interface A { f: Int } interface B implements A { f: Int } type C implements B { f: Int }",
        "type Query { a(x: By): Int } input By @oneOf { a: Int! b: Int }",
        "type Query { a: E } enum E",
        "type Query { a(x: A): Int } input A { b: B! } input B { a: A! }",
    ])
    func inconsistentSchemaIsRejected(sdl: String) {
        #expect(throws: GraphQLError.self) { try GraphQLSchema(sdl: sdl) }
    }

    @Test func inputCycleThroughNullableOrListFieldIsAccepted() throws {
        _ = try GraphQLSchema(
            sdl: "type Query { a(x: A): Int } input A { b: B! } input B { a: A, l: [A!]! }")
    }

    @Test func covariantImplementationIsAccepted() throws {
        _ = try GraphQLSchema(
            sdl: """
                type Query { a: Pet }
                interface Pet { friend: Pet, f(x: Int): Int }
                type Dog implements Pet { friend: Dog!, f(x: Int, y: Int): Int }
                """)
    }
}
