extension Executor {
    /// Coerces a field's or directive's arguments, applying defaults.
    /// - Throws: `GraphQLError` naming the argument that is missing or invalid.
    func coerceArguments(
        _ definitions: [GraphQLInputValue], _ nodes: [Argument], at location: SourceLocation
    ) throws(GraphQLError) -> JSONObject {
        var result = JSONObject()
        guard !definitions.isEmpty else { return result }
        for definition in definitions {
            let name = definition.name
            guard let node = nodes.first(where: { $0.name.value == name }) else {
                if let defaultValue = definition.defaultValue {
                    result[name] = defaultValue
                } else if definition.type.isNonNull {
                    throw GraphQLError(
                        "Argument \"\(name)\" of required type \"\(definition.type)\" was not provided.",
                        locations: [location])
                }
                continue
            }
            var isNull = false
            if case .null = node.value.kind { isNull = true }
            if case .variable(let variable) = node.value.kind {
                guard let value = variables[variable] else {
                    if let defaultValue = definition.defaultValue {
                        result[name] = defaultValue
                    } else if definition.type.isNonNull {
                        throw GraphQLError(
                            "Argument \"\(name)\" of required type \"\(definition.type)\" was given the "
                                + "variable \"$\(variable)\", which has no value.",
                            locations: [node.value.location])
                    }
                    continue
                }
                isNull = value.isNull
            }
            if isNull && definition.type.isNonNull {
                throw GraphQLError(
                    "Argument \"\(name)\" of non-null type \"\(definition.type)\" must not be null.",
                    locations: [node.value.location])
            }
            guard
                let value = coercion.valueFromLiteral(
                    node.value, type: definition.type, variables: variables)
            else {
                throw GraphQLError(
                    "Argument \"\(name)\" has invalid value \(Printer.print(node.value)).",
                    locations: [node.value.location])
            }
            result[name] = value
        }
        return result
    }
}
