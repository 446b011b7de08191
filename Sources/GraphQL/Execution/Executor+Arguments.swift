extension Executor {
    /// Coerces a field's or directive's arguments, applying defaults.
    /// - Throws: `GraphQLError` naming the argument that is missing or invalid.
    func coerceArguments(
        _ definitions: [GraphQLInputValue], _ nodes: [Argument], at location: SourceLocation
    ) throws(GraphQLError) -> JSONObject {
        var result = JSONObject()
        for definition in definitions {
            let node = nodes.first { $0.name.value == definition.name }
            if let value = try coerceArgument(definition, node, at: location) {
                result[definition.name] = value
            }
        }
        return result
    }

    /// One argument's value, its default when it is absent, or nil when it has neither.
    private func coerceArgument(
        _ definition: GraphQLInputValue, _ node: Argument?, at location: SourceLocation
    ) throws(GraphQLError) -> JSON? {
        let name = definition.name
        let type = definition.type
        var isNull = false
        if let node, case .null = node.value.kind { isNull = true }
        if let node, case .variable(let variable) = node.value.kind {
            guard let value = variables[variable] else {
                if definition.defaultValue == nil && type.isNonNull {
                    throw GraphQLError(
                        "The required argument \"\(name)\" (\(type)) was given the variable "
                            + "\"$\(variable)\", which has no value.",
                        locations: [node.value.location])
                }
                return definition.defaultValue
            }
            isNull = value.isNull
        }
        guard let node else {
            if definition.defaultValue == nil && type.isNonNull {
                throw GraphQLError(
                    "The required argument \"\(name)\" (\(type)) is missing.",
                    locations: [location])
            }
            return definition.defaultValue
        }
        if isNull && type.isNonNull {
            throw GraphQLError(
                "The argument \"\(name)\" (\(type)) cannot be null.",
                locations: [node.value.location])
        }
        guard let value = coercion.valueFromLiteral(node.value, type: type, variables: variables)
        else {
            throw GraphQLError(
                "The argument \"\(name)\" cannot take the value \(Printer.print(node.value)).",
                locations: [node.value.location])
        }
        return value
    }
}
