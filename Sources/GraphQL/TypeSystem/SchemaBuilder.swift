extension GraphQLSchema {
    /// Builds a schema from SDL, attaching the given resolvers.
    /// - Parameters:
    ///   - sdl: type-system definitions; `extend` definitions are merged into their types.
    ///   - resolvers: resolvers, type resolvers and scalar implementations by name.
    /// - Throws: `GraphQLError` for a syntax error or an inconsistent schema.
    public init(sdl: String, resolvers: SchemaResolvers = SchemaResolvers()) throws(GraphQLError) {
        let document = try parse(sdl, limits: .unlimited)
        var builder = SchemaBuilder(document: document, resolvers: resolvers)
        self = try builder.build()
    }
}

/// Turns SDL definitions into schema types.
struct SchemaBuilder {
    let resolvers: SchemaResolvers
    var definitions: [TypeDefinition] = []
    var extensions: [String: [TypeDefinition]] = [:]
    var schemaDefinitions: [SchemaDefinition] = []
    var directiveDefinitions: [DirectiveDefinition] = []
    /// The types of the previous pass, against which default values are coerced.
    var previous: [String: GraphQLNamedType] = [:]

    init(document: Document, resolvers: SchemaResolvers) {
        self.resolvers = resolvers
        for definition in document.definitions {
            guard case .typeSystem(let system) = definition else { continue }
            switch system {
            case .schema(let schema): schemaDefinitions.append(schema)
            case .directive(let directive): directiveDefinitions.append(directive)
            case .type(let type) where type.isExtension:
                extensions[type.name.value, default: []].append(type)
            case .type(let type): definitions.append(type)
            }
        }
    }

    mutating func build() throws(GraphQLError) -> GraphQLSchema {
        let builtIns = BuiltInScalars.all.map(GraphQLNamedType.scalar) + Introspection.types
        var types: [GraphQLNamedType] = []
        // Default values need the input types they are coerced to, which themselves carry
        // defaults; three passes settle defaults nested two levels deep.
        for _ in 0..<3 {
            previous = Dictionary(
                (builtIns + types).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            types = definitions.map(makeType)
        }
        var roots: [OperationType: String] = [:]
        for schema in schemaDefinitions {
            for entry in schema.operationTypes { roots[entry.operation] = entry.type.value }
        }
        let names = Set(types.map(\.name))
        if schemaDefinitions.allSatisfy(\.isExtension) {
            for operation in [OperationType.query, .mutation, .subscription]
            where roots[operation] == nil {
                let name =
                    operation.rawValue.prefix(1).uppercased() + operation.rawValue.dropFirst()
                if names.contains(name) { roots[operation] = name }
            }
        }
        guard let query = roots[.query] else {
            throw GraphQLError("The schema has no query root type.", category: .schema)
        }
        return try GraphQLSchema(
            typesInOrder: types, query: query, mutation: roots[.mutation],
            subscription: roots[.subscription], directives: directiveDefinitions.map(makeDirective),
            description: schemaDefinitions.first { !$0.isExtension }?.description?.value)
    }

    func makeDirective(_ definition: DirectiveDefinition) -> GraphQLDirective {
        GraphQLDirective(
            definition.name.value, description: definition.description?.value,
            locations: definition.locations.compactMap { DirectiveLocation(rawValue: $0.value) },
            arguments: definition.arguments.map(makeInput),
            isRepeatable: definition.isRepeatable)
    }

    func makeType(_ definition: TypeDefinition) -> GraphQLNamedType {
        let name = definition.name.value
        let all = [definition] + (extensions[name] ?? [])
        let description = definition.description?.value
        switch definition.kind {
        case .scalar:
            return .scalar(makeScalar(name, description, all.flatMap(\.directives)))
        case .object:
            return .object(
                GraphQLObjectType(
                    name, description: description,
                    interfaces: all.flatMap(SchemaBuilder.interfaces).map(\.value),
                    fields: all.flatMap(SchemaBuilder.fieldDefinitions).map {
                        makeField($0, of: name)
                    }))
        case .interface:
            return .interface(
                GraphQLInterfaceType(
                    name, description: description,
                    interfaces: all.flatMap(SchemaBuilder.interfaces).map(\.value),
                    fields: all.flatMap(SchemaBuilder.fieldDefinitions).map {
                        makeField($0, of: name)
                    },
                    resolveType: resolvers.typeResolvers[name]))
        case .union:
            let members = all.flatMap { type -> [Name] in
                if case .union(let types) = type.kind { return types }
                return []
            }
            return .union(
                GraphQLUnionType(
                    name, description: description, types: members.map(\.value),
                    resolveType: resolvers.typeResolvers[name]))
        case .enumeration:
            return .enumeration(makeEnum(all, name: name, description: description))
        case .inputObject:
            let fields = all.flatMap { type -> [InputValueDefinition] in
                if case .inputObject(let fields) = type.kind { return fields }
                return []
            }
            return .inputObject(
                GraphQLInputObjectType(
                    name, description: description, fields: fields.map(makeInput),
                    isOneOf: all.flatMap(\.directives).contains { $0.name.value == "oneOf" }))
        }
    }

    /// A scalar documented by the SDL, with the behaviour given in `resolvers.scalars` if any.
    private func makeScalar(
        _ name: String, _ description: String?, _ directives: [Directive]
    )
        -> GraphQLScalarType
    {
        let url = SchemaBuilder.argument("specifiedBy", "url", in: directives)
        guard let code = resolvers.scalars[name] else {
            return GraphQLScalarType(name, description: description, specifiedByURL: url)
        }
        return GraphQLScalarType(
            name, description: description, specifiedByURL: url,
            serialize: code.serializeValue, parseValue: code.parseInput,
            parseLiteral: code.parseInputLiteral)
    }

    private func makeEnum(
        _ all: [TypeDefinition], name: String, description: String?
    )
        -> GraphQLEnumType
    {
        let values = all.flatMap { type -> [EnumValueDefinition] in
            if case .enumeration(let values) = type.kind { return values }
            return []
        }
        return GraphQLEnumType(
            name, description: description,
            values: values.map {
                GraphQLEnumValue(
                    $0.name.value, description: $0.description?.value,
                    deprecationReason: SchemaBuilder.deprecationReason($0.directives))
            })
    }

    func makeField(_ definition: FieldDefinition, of typeName: String) -> GraphQLField {
        let isSubscriptionField = definition.name.value
        return GraphQLField(
            definition.name.value, type: GraphQLType(definition.type),
            description: definition.description?.value,
            arguments: definition.arguments.map(makeInput),
            deprecationReason: SchemaBuilder.deprecationReason(definition.directives),
            resolve: resolvers.fields[typeName]?[definition.name.value],
            subscribe: resolvers.subscriptions[isSubscriptionField])
    }

    func makeInput(_ definition: InputValueDefinition) -> GraphQLInputValue {
        let type = GraphQLType(definition.type)
        let coercion = ValueCoercion(types: previous)
        return GraphQLInputValue(
            definition.name.value, type: type, description: definition.description?.value,
            defaultValue: definition.defaultValue.flatMap {
                coercion.valueFromLiteral($0, type: type, variables: nil)
            },
            deprecationReason: SchemaBuilder.deprecationReason(definition.directives))
    }

    static func fieldDefinitions(_ type: TypeDefinition) -> [FieldDefinition] {
        switch type.kind {
        case .object(_, let fields), .interface(_, let fields): return fields
        default: return []
        }
    }

    static func interfaces(_ type: TypeDefinition) -> [Name] {
        switch type.kind {
        case .object(let interfaces, _), .interface(let interfaces, _): return interfaces
        default: return []
        }
    }

    /// The reason of an `@deprecated` directive, its default when none is written.
    static func deprecationReason(_ directives: [Directive]) -> String? {
        guard directives.contains(where: { $0.name.value == "deprecated" }) else { return nil }
        return argument("deprecated", "reason", in: directives)
            ?? GraphQLDirective.defaultDeprecationReason
    }

    /// The string argument `argument` of the first directive named `directive`.
    static func argument(
        _ directive: String, _ argument: String, in directives: [Directive]
    )
        -> String?
    {
        let found = directives.first { $0.name.value == directive }?.arguments
            .first { $0.name.value == argument }
        if case .string(let text, _)? = found?.value.kind { return text }
        return nil
    }
}
