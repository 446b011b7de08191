extension Validator {
    /// Checks a variable definition's type and default value.
    func checkVariableDefinition(_ definition: VariableDefinition) {
        let name = definition.type.namedType
        let named = schema.types[name.value]
        if named == nil {
            report("The schema has no type \"\(name.value)\".", [name.location])
        } else if named?.isInput == false {
            report(
                "The variable \"$\(definition.variable.value)\" cannot have type "
                    + "\"\(Printer.print(type: definition.type))\", which is not an input type.",
                [definition.type.location])
        }
        walk(directives: definition.directives, at: .variableDefinition)
        if let value = definition.defaultValue {
            let type = named?.isInput == true ? GraphQLType(definition.type) : nil
            walkValue(value, type: type, locationHasDefault: false, check: true)
        }
    }

    /// Undefined, unused and misplaced variables of one operation, fragments included.
    func checkVariables(of operation: OperationDefinition, usages own: [VariableUsage]) {
        var all = own
        for name in reachableFragments(from: operation.selectionSet) {
            all += fragmentUsages[name] ?? []
        }
        var definitions: [String: VariableDefinition] = [:]
        for definition in operation.variableDefinitions {
            definitions[definition.variable.value] = definition
        }
        let label = operation.name.map { " by operation \"\($0.value)\"" } ?? ""
        for usage in all {
            guard let definition = definitions[usage.name] else {
                report(
                    "The variable \"$\(usage.name)\" is not defined\(label).",
                    [usage.location, operation.location])
                continue
            }
            guard let expected = usage.type, let actual = resolve(definition.type) else { continue }
            if !allowed(actual, definition.defaultValue, in: expected, usage.hasLocationDefault) {
                report(
                    "The variable \"$\(usage.name)\" of type \"\(actual)\" cannot be used where "
                        + "\"\(expected)\" is expected.", [definition.location, usage.location])
            }
        }
        for usage in all {
            guard let input = usage.oneOfInput, let definition = definitions[usage.name] else {
                continue
            }
            if case .nonNull = definition.type { continue }
            report(
                "The variable \"$\(usage.name)\" must be non-null"
                    + " to fill oneOf input \"\(input)\".",
                [usage.location])
        }
        let used = Set(all.map(\.name))
        for definition in operation.variableDefinitions
        where !used.contains(definition.variable.value) {
            let suffix = operation.name.map { " in operation \"\($0.value)\"" } ?? ""
            report(
                "The variable \"$\(definition.variable.value)\" is never used\(suffix).",
                [definition.location])
        }
    }

    private func allowed(
        _ variable: GraphQLType, _ variableDefault: ValueNode?, in location: GraphQLType,
        _ locationHasDefault: Bool
    ) -> Bool {
        if case .nonNull(let inner) = location, !variable.isNonNull {
            var hasNonNullDefault = false
            if let variableDefault {
                if case .null = variableDefault.kind {} else { hasNonNullDefault = true }
            }
            guard hasNonNullDefault || locationHasDefault else { return false }
            return schema.isTypeSubtype(variable, of: inner)
        }
        return schema.isTypeSubtype(variable, of: location)
    }
}
