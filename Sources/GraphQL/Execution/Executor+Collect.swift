/// The selections of one response key: fields merged from several places in a document.
struct CollectedField {
    let responseKey: String
    var nodes: [Field]
}

extension Executor {
    /// Collects the fields of a selection set that apply to `type`, grouped by response key in
    /// first-seen order, honouring `@skip`, `@include` and fragment type conditions.
    func collectFields(_ type: GraphQLObjectType, _ selectionSet: SelectionSet) -> [CollectedField] {
        var fields: [CollectedField] = []
        var index: [String: Int] = [:]
        var visited: Set<String> = []
        collect(type, selectionSet, into: &fields, index: &index, visited: &visited)
        return fields
    }

    /// The fields selected under `field` for a value of `type`, cached per type and field.
    func collectSubfields(_ type: GraphQLObjectType, _ field: CollectedField) -> [CollectedField] {
        let key = SubfieldKey(typeName: type.name, location: field.nodes[0].location)
        if let cached = subfieldCache[key] { return cached }
        var fields: [CollectedField] = []
        var index: [String: Int] = [:]
        var visited: Set<String> = []
        for node in field.nodes {
            if let selectionSet = node.selectionSet {
                collect(type, selectionSet, into: &fields, index: &index, visited: &visited)
            }
        }
        subfieldCache[key] = fields
        return fields
    }

    private func collect(
        _ type: GraphQLObjectType, _ selectionSet: SelectionSet, into fields: inout [CollectedField],
        index: inout [String: Int], visited: inout Set<String>
    ) {
        for selection in selectionSet.selections {
            guard shouldInclude(selection.directives) else { continue }
            switch selection {
            case .field(let field):
                let key = field.responseKey
                if let position = index[key] {
                    fields[position].nodes.append(field)
                } else {
                    index[key] = fields.count
                    fields.append(CollectedField(responseKey: key, nodes: [field]))
                }
            case .inlineFragment(let fragment):
                if let condition = fragment.typeCondition, !applies(condition.value, to: type) {
                    continue
                }
                collect(type, fragment.selectionSet, into: &fields, index: &index, visited: &visited)
            case .fragmentSpread(let spread):
                let name = spread.name.value
                guard !visited.contains(name), let fragment = fragments[name] else { continue }
                visited.insert(name)
                guard applies(fragment.typeCondition.value, to: type) else { continue }
                collect(type, fragment.selectionSet, into: &fields, index: &index, visited: &visited)
            }
        }
    }

    func applies(_ condition: String, to type: GraphQLObjectType) -> Bool {
        condition == type.name || schema.isSubtype(type.name, of: condition)
    }

    /// Whether `@skip` and `@include` keep a selection.
    func shouldInclude(_ directives: [Directive]) -> Bool {
        for directive in directives {
            let name = directive.name.value
            guard name == "skip" || name == "include",
                let argument = directive.arguments.first(where: { $0.name.value == "if" })
            else { continue }
            let value = coercion.valueFromLiteral(
                argument.value, type: .nonNull("Boolean"), variables: variables)
            if name == "skip" && value == .bool(true) { return false }
            if name == "include" && value != .bool(true) { return false }
        }
        return true
    }
}
