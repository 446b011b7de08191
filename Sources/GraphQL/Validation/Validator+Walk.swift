extension Validator {
    func walk(operation: OperationDefinition) {
        usages = []
        var seen: [String: [Name]] = [:]
        for definition in operation.variableDefinitions {
            seen[definition.variable.value, default: []].append(definition.variable)
            checkVariableDefinition(definition)
        }
        for (name, nodes) in seen where nodes.count > 1 {
            report("The variable \"$\(name)\" is declared more than once.", nodes.map(\.location))
        }
        let location: DirectiveLocation =
            switch operation.operation {
            case .query: .query
            case .mutation: .mutation
            case .subscription: .subscription
            }
        walk(directives: operation.directives, at: location)
        let root = schema.rootType(operation.operation).map(GraphQLNamedType.object)
        if operation.operation == .subscription, let root, case .object(let object) = root {
            checkSingleRootField(operation, object)
        }
        walk(selectionSet: operation.selectionSet, parent: root)
    }

    func walk(fragment: FragmentDefinition) {
        usages = []
        let condition = fragment.typeCondition
        let type = schema.types[condition.value]
        if type == nil {
            report("The schema has no type \"\(condition.value)\".", [condition.location])
        } else if type?.isComposite == false {
            report(
                "The fragment \"\(fragment.name.value)\" cannot have type condition "
                    + "\"\(condition.value)\", which is not an object, interface or union.",
                [condition.location])
        }
        walk(directives: fragment.directives, at: .fragmentDefinition)
        walk(selectionSet: fragment.selectionSet, parent: type?.isComposite == true ? type : nil)
        if fragmentUsages[fragment.name.value] == nil {
            fragmentUsages[fragment.name.value] = usages
        }
    }

    func walk(selectionSet: SelectionSet, parent: GraphQLNamedType?) {
        for conflict in overlap.check(selectionSet, parent: parent) {
            report(conflict.message, conflict.locations)
        }
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field): walk(field: field, parent: parent)
            case .fragmentSpread(let spread): walk(spread: spread, parent: parent)
            case .inlineFragment(let fragment): walk(inline: fragment, parent: parent)
            }
        }
    }

    func walk(field: Field, parent: GraphQLNamedType?) {
        let definition = fieldDefinition(field.name.value, on: parent)
        if let parent, definition == nil {
            report(
                "The type \"\(parent.name)\" has no field \"\(field.name.value)\".",
                [field.location])
        }
        let parentName = parent?.name ?? ""
        walk(
            arguments: field.arguments, definitions: definition?.arguments,
            owner: definition.map { _ in "field \"\(parentName).\(field.name.value)\"" })
        if let definition {
            for argument in definition.arguments
            where argument.type.isNonNull && argument.defaultValue == nil
                && !field.arguments.contains(where: { $0.name.value == argument.name })
            {
                report(
                    "The field \"\(field.name.value)\" needs argument \"\(argument.name)\" of type "
                        + "\"\(argument.type)\", which is missing.", [field.location])
            }
        }
        walk(directives: field.directives, at: .field)
        let named = definition.flatMap { schema.types[$0.type.namedType] }
        if let definition, let named {
            if named.isLeaf, let selectionSet = field.selectionSet {
                report(
                    "The field \"\(field.name.value)\" has type \"\(definition.type)\","
                        + " which has no "
                        + "subfields to select.", [selectionSet.location])
            } else if !named.isLeaf && field.selectionSet == nil {
                report(
                    "The field \"\(field.name.value)\" of type \"\(definition.type)\" needs a "
                        + "selection of subfields.", [field.location])
            }
        }
        if let selectionSet = field.selectionSet {
            walk(selectionSet: selectionSet, parent: named?.isComposite == true ? named : nil)
        }
    }

    func walk(spread: FragmentSpread, parent: GraphQLNamedType?) {
        let name = spread.name.value
        if let fragment = fragments[name] {
            if let parent, parent.isComposite,
                let type = schema.types[fragment.typeCondition.value], type.isComposite,
                !schema.overlap(type.name, parent.name)
            {
                report(
                    "The fragment \"\(name)\" on type \"\(type.name)\" can never apply to a value "
                        + "of type \"\(parent.name)\".", [spread.location])
            }
        } else {
            report("The document has no fragment \"\(name)\".", [spread.name.location])
        }
        walk(directives: spread.directives, at: .fragmentSpread)
    }

    func walk(inline fragment: InlineFragment, parent: GraphQLNamedType?) {
        var type = parent
        if let condition = fragment.typeCondition {
            type = schema.types[condition.value]
            if type == nil {
                report("The schema has no type \"\(condition.value)\".", [condition.location])
            } else if type?.isComposite == false {
                report(
                    "An inline fragment cannot have type condition \"\(condition.value)\", which "
                        + "is not an object, interface or union.", [condition.location])
            } else if let type, let parent, parent.isComposite,
                !schema.overlap(type.name, parent.name)
            {
                report(
                    "A fragment on type \"\(type.name)\" can never apply to a value of type "
                        + "\"\(parent.name)\".", [fragment.location])
            }
        }
        walk(directives: fragment.directives, at: .inlineFragment)
        let scope = type.flatMap { $0.isOutput ? $0 : nil }
        walk(selectionSet: fragment.selectionSet, parent: scope?.isComposite == true ? scope : nil)
    }
}
