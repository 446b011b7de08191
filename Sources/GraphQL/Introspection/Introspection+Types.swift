extension Introspection {
    typealias TypeNode = Node<GraphQLType>

    static let typeType = GraphQLObjectType(
        "__Type", description: "A type of the schema, or a list or non-null wrapper of one.",
        fields: [
            field("kind", .nonNull("__TypeKind")) { (node: TypeNode) in kind(of: node) },
            field("name", "String") { (node: TypeNode) in named(node)?.name },
            field("description", "String") { (node: TypeNode) in named(node)?.description },
            field("specifiedByURL", "String") { (node: TypeNode) in
                if case .scalar(let scalar)? = named(node) { return scalar.specifiedByURL }
                return nil
            },
            filteredField("fields", .list(.nonNull("__Field"))) { (node: TypeNode, all: Bool) in
                named(node)?.fields.map { fields in
                    fields.ordered.filter { all || $0.deprecationReason == nil }
                        .map { Node(element: $0, schema: node.schema) }
                }
            },
            field("interfaces", .list(.nonNull("__Type"))) { (node: TypeNode) in
                switch named(node) {
                case .object(let object)?:
                    return object.interfaces.map { typeNode(.named($0), node.schema) }
                case .interface(let type)?:
                    return type.interfaces.map { typeNode(.named($0), node.schema) }
                default: return nil
                }
            },
            field("possibleTypes", .list(.nonNull("__Type"))) { (node: TypeNode) in
                guard let type = named(node), type.isAbstract else { return nil }
                return node.schema.possibleTypes(of: type.name).map {
                    typeNode(.named($0), node.schema)
                }
            },
            filteredField("enumValues", .list(.nonNull("__EnumValue"))) {
                (node: TypeNode, all: Bool) in
                guard case .enumeration(let type)? = named(node) else { return nil }
                return type.values.filter { all || $0.deprecationReason == nil }
            },
            filteredField("inputFields", .list(.nonNull("__InputValue"))) {
                (node: TypeNode, all: Bool) in
                guard case .inputObject(let type)? = named(node) else { return nil }
                return type.fields.filter { all || $0.deprecationReason == nil }
                    .map { Node(element: $0, schema: node.schema) }
            },
            field("ofType", "__Type") { (node: TypeNode) in
                switch node.element {
                case .list(let inner), .nonNull(let inner): return typeNode(inner, node.schema)
                case .named: return nil
                }
            },
            field("isOneOf", "Boolean") { (node: TypeNode) in
                if case .inputObject(let type)? = named(node) { return type.isOneOf }
                return nil
            },
        ])

    static func named(_ node: TypeNode) -> GraphQLNamedType? {
        guard case .named(let name) = node.element else { return nil }
        return node.schema.types[name]
    }

    static func kind(of node: TypeNode) -> String {
        switch node.element {
        case .list: return "LIST"
        case .nonNull: return "NON_NULL"
        case .named: return named(node)?.kindName ?? "SCALAR"
        }
    }

    static let fieldType = GraphQLObjectType(
        "__Field", description: "A field of an object or interface type.",
        fields: [
            field("name", .nonNull("String")) { (node: Node<GraphQLField>) in node.element.name },
            field("description", "String") { (node: Node<GraphQLField>) in node.element.description
            },
            filteredField("args", .nonNull(.list(.nonNull("__InputValue")))) {
                (node: Node<GraphQLField>, all: Bool) in
                node.element.arguments.filter { all || $0.deprecationReason == nil }
                    .map { Node(element: $0, schema: node.schema) }
            },
            field("type", .nonNull("__Type")) { (node: Node<GraphQLField>) in
                typeNode(node.element.type, node.schema)
            },
            field("isDeprecated", .nonNull("Boolean")) { (node: Node<GraphQLField>) in
                node.element.deprecationReason != nil
            },
            field("deprecationReason", "String") { (node: Node<GraphQLField>) in
                node.element.deprecationReason
            },
        ])

    static let inputValueType = GraphQLObjectType(
        "__InputValue", description: "An argument, or a field of an input object.",
        fields: [
            field("name", .nonNull("String")) { (node: Node<GraphQLInputValue>) in node.element.name
            },
            field("description", "String") { (node: Node<GraphQLInputValue>) in
                node.element.description
            },
            field("type", .nonNull("__Type")) { (node: Node<GraphQLInputValue>) in
                typeNode(node.element.type, node.schema)
            },
            field("defaultValue", "String") { (node: Node<GraphQLInputValue>) in
                node.element.defaultValue.flatMap {
                    ValueLiteral.make(from: $0, type: node.element.type, schema: node.schema)
                }.map(Printer.print)
            },
            field("isDeprecated", .nonNull("Boolean")) { (node: Node<GraphQLInputValue>) in
                node.element.deprecationReason != nil
            },
            field("deprecationReason", "String") { (node: Node<GraphQLInputValue>) in
                node.element.deprecationReason
            },
        ])

    static let enumValueType = GraphQLObjectType(
        "__EnumValue", description: "One of the values of an enum type.",
        fields: [
            field("name", .nonNull("String")) { (value: GraphQLEnumValue) in value.name },
            field("description", "String") { (value: GraphQLEnumValue) in value.description },
            field("isDeprecated", .nonNull("Boolean")) { (value: GraphQLEnumValue) in
                value.deprecationReason != nil
            },
            field("deprecationReason", "String") { (value: GraphQLEnumValue) in
                value.deprecationReason
            },
        ])

    static let directiveType = GraphQLObjectType(
        "__Directive", description: "A directive the service accepts, and where.",
        fields: [
            field("name", .nonNull("String")) { (node: Node<GraphQLDirective>) in node.element.name
            },
            field("description", "String") { (node: Node<GraphQLDirective>) in
                node.element.description
            },
            field("isRepeatable", .nonNull("Boolean")) { (node: Node<GraphQLDirective>) in
                node.element.isRepeatable
            },
            field("locations", .nonNull(.list(.nonNull("__DirectiveLocation")))) {
                (node: Node<GraphQLDirective>) in node.element.locations.map(\.rawValue)
            },
            filteredField("args", .nonNull(.list(.nonNull("__InputValue")))) {
                (node: Node<GraphQLDirective>, all: Bool) in
                node.element.arguments.filter { all || $0.deprecationReason == nil }
                    .map { Node(element: $0, schema: node.schema) }
            },
        ])
}
