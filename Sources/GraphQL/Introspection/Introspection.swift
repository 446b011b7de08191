/// The introspection system: the `__Schema`, `__Type` and related types every schema has.
enum Introspection {
    /// A schema element paired with the schema, so that resolvers can follow type names.
    struct Node<Element: Sendable>: Sendable {
        let element: Element
        let schema: GraphQLSchema
    }

    static let typeNames: Set<String> = Set(types.map(\.name))

    static let types: [GraphQLNamedType] = [
        .object(schemaType), .object(typeType), .object(fieldType), .object(inputValueType),
        .object(enumValueType), .object(directiveType), .enumeration(typeKind),
        .enumeration(directiveLocation),
    ]

    static let includeDeprecated = GraphQLInputValue(
        "includeDeprecated", type: "Boolean", defaultValue: .bool(false))

    static let typeKind = GraphQLEnumType(
        "__TypeKind", description: "The kinds of type a schema can hold.",
        values: [
            "SCALAR", "OBJECT", "INTERFACE", "UNION", "ENUM", "INPUT_OBJECT", "LIST", "NON_NULL",
        ]
        .map { GraphQLEnumValue($0) })

    static let directiveLocation = GraphQLEnumType(
        "__DirectiveLocation", description: "The places where a directive may be written.",
        values: DirectiveLocation.allCases.map { GraphQLEnumValue($0.rawValue) })

    static let schemaType = GraphQLObjectType(
        "__Schema",
        description: "What a GraphQL service offers: its types, root operations and directives.",
        fields: [
            field("description", "String") { (node: SchemaRoot) in node.schema.description },
            field("types", .nonNull(.list(.nonNull("__Type")))) { (node: SchemaRoot) in
                node.schema.typeNames.map { typeNode(.named($0), node.schema) }
            },
            field("queryType", .nonNull("__Type")) { (node: SchemaRoot) in
                typeNode(.named(node.schema.queryType), node.schema)
            },
            field("mutationType", "__Type") { (node: SchemaRoot) in
                node.schema.mutationType.map { typeNode(.named($0), node.schema) }
            },
            field("subscriptionType", "__Type") { (node: SchemaRoot) in
                node.schema.subscriptionType.map { typeNode(.named($0), node.schema) }
            },
            field("directives", .nonNull(.list(.nonNull("__Directive")))) { (node: SchemaRoot) in
                node.schema.directives.map { Node(element: $0, schema: node.schema) }
            },
        ])

    static func typeNode(_ type: GraphQLType, _ schema: GraphQLSchema) -> Node<GraphQLType> {
        Node(element: type, schema: schema)
    }

    /// A field whose resolver reads a typed introspection node.
    static func field<Source: Sendable>(
        _ name: String, _ type: GraphQLType, arguments: [GraphQLInputValue] = [],
        _ read: @escaping @Sendable (Source) -> (any Sendable)?
    ) -> GraphQLField {
        GraphQLField(
            name, type: type, arguments: arguments,
            resolve: { source, _, _, _ in
                guard let node = source as? Source else { return nil }
                return read(node)
            })
    }

    /// A field whose resolver also reads the `includeDeprecated` argument.
    static func filteredField<Source: Sendable>(
        _ name: String, _ type: GraphQLType,
        _ read: @escaping @Sendable (Source, Bool) -> (any Sendable)?
    ) -> GraphQLField {
        GraphQLField(
            name, type: type, arguments: [includeDeprecated],
            resolve: { source, arguments, _, _ in
                guard let node = source as? Source else { return nil }
                return read(node, arguments["includeDeprecated"] == .bool(true))
            })
    }
}

/// The value `__schema` resolves to.
struct SchemaRoot: Sendable {
    let schema: GraphQLSchema
}
