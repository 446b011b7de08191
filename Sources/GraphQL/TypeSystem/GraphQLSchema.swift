/// A complete, checked schema: root types, named types and directives.
public struct GraphQLSchema: Sendable {
    /// The schema's description.
    public let description: String?
    /// The query root type's name.
    public let queryType: String
    /// The mutation root type's name, if the schema has mutations.
    public let mutationType: String?
    /// The subscription root type's name, if the schema has subscriptions.
    public let subscriptionType: String?
    /// Every named type by name, including built-in scalars and introspection types.
    public let types: [String: GraphQLNamedType]
    /// Type names in declaration order, then built-ins.
    public let typeNames: [String]
    /// The directives, built-in first.
    public let directives: [GraphQLDirective]
    /// For each abstract type, the names of its possible object types.
    let possibleTypes: [String: [String]]
    /// For each abstract type, its possible object types and implementing interfaces.
    let subtypes: [String: Set<String>]

    /// Builds and checks a schema.
    /// - Parameters:
    ///   - query: the query root type.
    ///   - mutation: the mutation root type.
    ///   - subscription: the subscription root type.
    ///   - types: every other named type, in the order introspection should list them.
    ///   - directives: custom directives, added to the built-in ones.
    ///   - description: the schema's description.
    /// - Throws: `GraphQLError` of category `.schema` naming a missing or misused type.
    public init(
        query: GraphQLObjectType, mutation: GraphQLObjectType? = nil,
        subscription: GraphQLObjectType? = nil, types: [GraphQLNamedType] = [],
        directives: [GraphQLDirective] = [], description: String? = nil
    ) throws(GraphQLError) {
        var all: [GraphQLNamedType] = [.object(query)]
        if let mutation { all.append(.object(mutation)) }
        if let subscription { all.append(.object(subscription)) }
        all += types
        try self.init(
            typesInOrder: all, query: query.name, mutation: mutation?.name,
            subscription: subscription?.name, directives: directives, description: description)
    }

    init(
        typesInOrder: [GraphQLNamedType], query: String, mutation: String?, subscription: String?,
        directives: [GraphQLDirective], description: String?
    ) throws(GraphQLError) {
        var available: [String: GraphQLNamedType] = [:]
        let builtIns = BuiltInScalars.all.map(GraphQLNamedType.scalar) + Introspection.types
        for type in builtIns + typesInOrder { available[type.name] = type }
        let custom = directives.filter { directive in
            !GraphQLDirective.specified.contains { $0.name == directive.name }
        }
        let allDirectives =
            custom
            + GraphQLDirective.specified.filter { builtIn in
                !directives.contains { $0.name == builtIn.name }
            }
        let names = GraphQLSchema.orderTypes(
            typesInOrder.map(\.name), available: available, directives: allDirectives)
        var map: [String: GraphQLNamedType] = [:]
        for name in names { map[name] = available[name] }
        self.description = description
        self.queryType = query
        self.mutationType = mutation
        self.subscriptionType = subscription
        self.types = map
        self.typeNames = names
        self.directives = allDirectives
        (possibleTypes, subtypes) = GraphQLSchema.computePossibleTypes(map, names)
        try SchemaChecker(schema: self).check()
    }

    /// Orders types as declared, each followed by the built-in types it first refers to, then
    /// the types only directives and introspection refer to; unreferenced built-ins are left out.
    static func orderTypes(
        _ declared: [String], available: [String: GraphQLNamedType], directives: [GraphQLDirective]
    ) -> [String] {
        var seen = Set(declared)
        var order: [String] = []
        func collect(_ name: String) {
            guard !seen.contains(name), let type = available[name] else { return }
            seen.insert(name)
            order.append(name)
            references(of: type).forEach(collect)
        }
        for name in declared where !order.contains(name) {
            order.append(name)
            if let type = available[name] { references(of: type).forEach(collect) }
        }
        for directive in directives {
            directive.arguments.forEach { collect($0.type.namedType) }
        }
        collect("__Schema")
        return order
    }

    /// The names a type refers to, in the order the schema's type list discovers them.
    static func references(of type: GraphQLNamedType) -> [String] {
        switch type {
        case .union(let union): return union.types
        case .object(let object):
            return object.interfaces + fieldReferences(object.fields)
        case .interface(let interface):
            return interface.interfaces + fieldReferences(interface.fields)
        case .inputObject(let input): return input.fields.map(\.type.namedType)
        case .scalar, .enumeration: return []
        }
    }

    private static func fieldReferences(_ fields: FieldMap) -> [String] {
        fields.ordered.flatMap { [$0.type.namedType] + $0.arguments.map(\.type.namedType) }
    }

    private static func computePossibleTypes(
        _ map: [String: GraphQLNamedType], _ names: [String]
    ) -> ([String: [String]], [String: Set<String>]) {
        var possible: [String: [String]] = [:]
        var subtypes: [String: Set<String>] = [:]
        for name in names {
            switch map[name] {
            case .object(let object)?:
                for interface in object.interfaces {
                    possible[interface, default: []].append(name)
                    subtypes[interface, default: []].insert(name)
                }
            case .interface(let interface)?:
                for parent in interface.interfaces { subtypes[parent, default: []].insert(name) }
            case .union(let union)?:
                possible[name] = union.types
                subtypes[name] = Set(union.types)
            default: break
            }
        }
        return (possible, subtypes)
    }

    /// The named type with this name.
    public subscript(name: String) -> GraphQLNamedType? {
        types[name]
    }

    /// The directive with this name.
    public func directive(_ name: String) -> GraphQLDirective? {
        directives.first { $0.name == name }
    }

    /// The root type of an operation kind.
    func rootType(_ operation: OperationType) -> GraphQLObjectType? {
        let name: String?
        switch operation {
        case .query: name = queryType
        case .mutation: name = mutationType
        case .subscription: name = subscriptionType
        }
        guard let name, case .object(let object)? = types[name] else { return nil }
        return object
    }

    /// The object types a value of an abstract type may have.
    func possibleTypes(of abstract: String) -> [String] {
        possibleTypes[abstract] ?? []
    }

    /// Whether `maybeSubtype` is a possible type or implementing interface of `abstract`.
    func isSubtype(_ maybeSubtype: String, of abstract: String) -> Bool {
        subtypes[abstract]?.contains(maybeSubtype) ?? false
    }

    /// Whether `sub` may be used where `type` is expected.
    func isTypeSubtype(_ sub: GraphQLType, of type: GraphQLType) -> Bool {
        switch (sub, type) {
        case (.nonNull(let inner), .nonNull(let other)): return isTypeSubtype(inner, of: other)
        case (.nonNull(let inner), _): return isTypeSubtype(inner, of: type)
        case (_, .nonNull): return false
        case (.list(let inner), .list(let other)): return isTypeSubtype(inner, of: other)
        case (.list, _), (_, .list): return false
        case (.named(let subName), .named(let name)):
            return subName == name || isSubtype(subName, of: name)
        }
    }

    /// Whether two composite types can have an object type in common.
    func overlap(_ first: String, _ second: String) -> Bool {
        if first == second { return true }
        let firstAbstract = types[first]?.isAbstract ?? false
        let secondAbstract = types[second]?.isAbstract ?? false
        switch (firstAbstract, secondAbstract) {
        case (true, true):
            let others = Set(possibleTypes(of: second))
            return possibleTypes(of: first).contains { others.contains($0) }
        case (true, false): return possibleTypes(of: first).contains(second)
        case (false, true): return possibleTypes(of: second).contains(first)
        case (false, false): return false
        }
    }
}
