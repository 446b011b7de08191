/// The selections of one response key: fields merged from several places in a document,
/// with the schema field they select resolved once when collected. A class, so that walking
/// the cached lists costs one reference count per field.
final class CollectedField {
    let responseKey: String
    var nodes: [Field]
    /// The selected field of the parent type; nil for `__typename` and unknown fields.
    let definition: GraphQLField?
    /// The named type of the field's output.
    let namedType: GraphQLNamedType?
    /// The parent object type's name, for error messages.
    let parentTypeName: String
    /// The key to read from a JSON parent when the field has no resolver of its own.
    let jsonKey: String?
    /// Whether the field's named type is a scalar or an enum.
    let isLeaf: Bool
    /// The field's output type (`String` for meta-fields without a definition).
    let outputType: GraphQLType
    /// Whether the field declares arguments, which must be coerced even without a resolver.
    let hasArguments: Bool
    /// The plans of this field's sub-selections, by object type: the group of nodes, not any
    /// single node, decides what is selected, so the cache lives with the group.
    var subplans: [(type: ObjectIdentifier, plan: FieldPlan)] = []
    /// Where `jsonKey` was last found in a parent object; siblings usually share their shape.
    var keyHint = 0

    init(
        responseKey: String, nodes: [Field], definition: GraphQLField?,
        namedType: GraphQLNamedType?, parentTypeName: String
    ) {
        self.responseKey = responseKey
        self.nodes = nodes
        self.definition = definition
        self.namedType = namedType
        self.parentTypeName = parentTypeName
        self.jsonKey = definition?.resolve == nil ? definition?.name : nil
        self.isLeaf = namedType?.isLeaf ?? false
        self.hasArguments = !(definition?.arguments.isEmpty ?? true)
        self.outputType = definition?.type ?? "String"
    }
}

/// The fields to execute on objects of one type, with their response keys ready to share.
struct FieldPlan {
    let fields: [CollectedField]
    let keys: [String]

    init(_ fields: [CollectedField]) {
        self.fields = fields
        self.keys = fields.map(\.responseKey)
    }
}

extension Executor {
    /// Collects the fields of a selection set that apply to `type`, grouped by response key in
    /// first-seen order, honouring `@skip`, `@include` and fragment type conditions.
    func collectFields(
        _ type: GraphQLObjectType, _ selectionSet: SelectionSet
    ) throws(GraphQLError)
        -> [CollectedField]
    {
        var fields: [CollectedField] = []
        var index: [String: Int] = [:]
        var visited: Set<String> = []
        try collect(type, selectionSet, into: &fields, index: &index, visited: &visited)
        return fields
    }

    /// The fields selected under `field` for a value of `type`, cached per type and field.
    func collectSubfields(
        _ type: GraphQLObjectType, _ field: CollectedField
    ) throws(GraphQLError)
        -> FieldPlan
    {
        let identifier = ObjectIdentifier(type)
        if let cached = field.subplans.first(where: { $0.type == identifier }) {
            return cached.plan
        }
        var fields: [CollectedField] = []
        var index: [String: Int] = [:]
        var visited: Set<String> = []
        for node in field.nodes {
            if let selectionSet = node.selectionSet {
                try collect(type, selectionSet, into: &fields, index: &index, visited: &visited)
            }
        }
        let plan = FieldPlan(fields)
        field.subplans.append((identifier, plan))
        return plan
    }

    private func collect(
        _ type: GraphQLObjectType, _ selectionSet: SelectionSet,
        into fields: inout [CollectedField],
        index: inout [String: Int], visited: inout Set<String>
    ) throws(GraphQLError) {
        for selection in selectionSet.selections {
            guard try shouldInclude(selection.directives) else { continue }
            switch selection {
            case .field(let field):
                let key = field.responseKey
                if let position = index[key] {
                    fields[position].nodes.append(field)
                } else {
                    index[key] = fields.count
                    let definition =
                        metaField(field.name.value, on: type) ?? type.fields[field.name.value]
                    fields.append(
                        CollectedField(
                            responseKey: key, nodes: [field], definition: definition,
                            namedType: definition.flatMap { schema.types[$0.type.namedType] },
                            parentTypeName: type.name))
                }
            case .inlineFragment(let fragment):
                if let condition = fragment.typeCondition, !applies(condition.value, to: type) {
                    continue
                }
                try collect(
                    type, fragment.selectionSet, into: &fields, index: &index, visited: &visited)
            case .fragmentSpread(let spread):
                let name = spread.name.value
                guard !visited.contains(name), let fragment = fragments[name] else { continue }
                visited.insert(name)
                guard applies(fragment.typeCondition.value, to: type) else { continue }
                try collect(
                    type, fragment.selectionSet, into: &fields, index: &index, visited: &visited)
            }
        }
    }

    func applies(_ condition: String, to type: GraphQLObjectType) -> Bool {
        condition == type.name || schema.isSubtype(type.name, of: condition)
    }

    /// Whether `@skip` and `@include` keep a selection.
    /// - Throws: `GraphQLError` when `if` is given a variable whose value is null.
    func shouldInclude(_ directives: [Directive]) throws(GraphQLError) -> Bool {
        for directive in directives {
            let name = directive.name.value
            guard name == "skip" || name == "include" else { continue }
            let arguments = try coerceArguments(
                GraphQLDirective.include.arguments, directive.arguments, at: directive.location)
            let condition = arguments["if"] == .bool(true)
            if name == "skip" && condition { return false }
            if name == "include" && !condition { return false }
        }
        return true
    }
}
