import GraphQL

/// A code-first schema used by the unit tests: a few objects, an interface, a union, an enum,
/// an input object with @oneOf, custom scalars, a mutation and a subscription.
enum TestSchema {
    /// What tests pass as the per-request context.
    struct Context: Sendable {
        let user: String
    }

    /// Records the order in which mutation fields ran.
    actor Journal {
        private(set) var entries: [String] = []
        func append(_ entry: String) { entries.append(entry) }
    }

    struct Failure: GraphQLReportableError {
        let graphQLMessage: String
        let graphQLExtensions: JSONObject?
    }

    static func make(journal: Journal = Journal()) throws -> GraphQLSchema {
        let named = GraphQLInterfaceType("Named", fields: [GraphQLField("name", type: "String")])
        let dog = GraphQLObjectType(
            "Dog", interfaces: ["Named"],
            fields: [
                GraphQLField("name", type: "String"),
                GraphQLField("barks", type: .nonNull("Boolean")),
                GraphQLField("born", type: "DateTime"),
            ])
        let cat = GraphQLObjectType(
            "Cat", interfaces: ["Named"],
            fields: [GraphQLField("name", type: "String"), GraphQLField("lives", type: "Int")])
        let query = GraphQLObjectType("Query", fields: queryFields())
        let mutation = GraphQLObjectType("Mutation", fields: mutationFields(journal))
        let subscription = GraphQLObjectType("Subscription", fields: [counterField()])
        return try GraphQLSchema(
            query: query, mutation: mutation, subscription: subscription,
            types: [
                .interface(named), .object(dog), .object(cat),
                .union(GraphQLUnionType("Pet", types: ["Dog", "Cat"])),
                .enumeration(
                    GraphQLEnumType(
                        "Size", values: [GraphQLEnumValue("SMALL"), GraphQLEnumValue("LARGE")])),
                .inputObject(
                    GraphQLInputObjectType(
                        "PetBy",
                        fields: [
                            GraphQLInputValue("name", type: "String"),
                            GraphQLInputValue("id", type: "ID"),
                        ], isOneOf: true)),
                .scalar(.dateTime), .scalar(.json),
            ])
    }

    /// Three mutations that record their order; the first suspends longest.
    static func mutationFields(_ journal: Journal) -> [GraphQLField] {
        ["first", "second", "third"].map { name in
            GraphQLField(name, type: "String") { _, _, _, _ in
                // The first mutation suspends longest; serial execution keeps the order.
                let delay: UInt64 = name == "first" ? 20_000_000 : 1_000_000
                try await Task.sleep(nanoseconds: delay)
                await journal.append(name)
                return name
            }
        }
    }

    /// `counter(upTo:)`: a subscription yielding 1 through `upTo`.
    static func counterField() -> GraphQLField {
        GraphQLField(
            "counter", type: .nonNull("Int"),
            arguments: [GraphQLInputValue("upTo", type: .nonNull("Int"))],
            resolve: { source, _, _, _ in source },
            subscribe: { _, arguments, _, _ in
                guard case .int(let limit)? = arguments["upTo"] else {
                    throw Failure(graphQLMessage: "no limit", graphQLExtensions: nil)
                }
                return AsyncThrowingStream { continuation in
                    for value in 1...limit { continuation.yield(value) }
                    continuation.finish()
                }
            })
    }

    static let rex: JSON = [
        "__typename": "Dog", "name": "Rex", "barks": true, "born": "2020-01-02T03:04:05Z",
    ]
    static let tom: JSON = ["__typename": "Cat", "name": "Tom", "lives": 9]

    static func queryFields() -> [GraphQLField] {
        [
            GraphQLField("pets", type: .list("Pet")) { _, _, _, _ in JSON.list([rex, tom]) },
            GraphQLField("named", type: .list(.nonNull("Named"))) { _, _, _, _ in
                [rex, tom] as [any Sendable]
            },
            GraphQLField(
                "pet", type: "Pet", arguments: [GraphQLInputValue("by", type: .nonNull("PetBy"))]
            ) { _, arguments, _, _ in
                guard case .object(let by)? = arguments["by"] else { return nil }
                return by["name"] == "Tom" ? tom : rex
            },
            GraphQLField("whoAmI", type: "String") { _, _, context, _ in
                (context as? Context)?.user
            },
            GraphQLField(
                "size", type: "Size",
                arguments: [GraphQLInputValue("of", type: "Size", defaultValue: "SMALL")]
            ) {
                _, arguments, _, _ in arguments["of"]
            },
            GraphQLField("slow", type: "Int") { _, _, _, _ in
                try await Task.sleep(nanoseconds: 1_000_000)
                return 7
            },
            GraphQLField("forbidden", type: "String") { _, _, _, _ in
                throw Failure(
                    graphQLMessage: "Not allowed.", graphQLExtensions: ["code": "FORBIDDEN"])
            },
            GraphQLField("badDog", type: "Dog") { _, _, _, _ in JSON.object(["name": "NoBark"]) },
            GraphQLField(
                "echo", type: "JSON", arguments: [GraphQLInputValue("value", type: "JSON")]
            ) {
                _, arguments, _, _ in arguments["value"]
            },
            GraphQLField("old", type: "String", deprecationReason: "Use whoAmI.") { _, _, _, _ in
                "old"
            },
        ]
    }
}
