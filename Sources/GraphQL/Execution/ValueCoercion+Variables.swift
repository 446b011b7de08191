extension ValueCoercion {
    /// Coerces the raw variable values of an operation, applying defaults.
    /// - Returns: the coerced values, or every problem found, each located at its definition.
    func coerceVariables(
        _ definitions: [VariableDefinition], _ inputs: JSONObject
    )
        -> Result<JSONObject, RequestErrors>
    {
        var result = JSONObject()
        var errors: [GraphQLError] = []
        for definition in definitions {
            let (value, problems) = coerceVariable(definition, inputs)
            if let value { result[definition.variable.value] = value }
            errors += problems
        }
        return errors.isEmpty ? .success(result) : .failure(RequestErrors(errors: errors))
    }

    /// One variable's coerced value (nil when absent or invalid) and its problems.
    private func coerceVariable(
        _ definition: VariableDefinition, _ inputs: JSONObject
    )
        -> (JSON?, [GraphQLError])
    {
        let name = definition.variable.value
        let type = GraphQLType(definition.type)
        func failure(_ message: String) -> GraphQLError {
            GraphQLError(message, locations: [definition.location], category: .coercion)
        }
        guard types[type.namedType]?.isInput == true else {
            return (
                nil,
                [
                    failure(
                        "Variable \"$\(name)\" cannot have type \"\(type)\","
                            + " which is not an input type."
                    )
                ]
            )
        }
        guard let value = inputs[name] else {
            if let defaultValue = definition.defaultValue {
                return (valueFromLiteral(defaultValue, type: type, variables: nil), [])
            }
            if type.isNonNull {
                return (
                    nil,
                    [
                        failure(
                            "The required variable \"$\(name)\" (\(type)) is missing.")
                    ]
                )
            }
            return (nil, [])
        }
        if value.isNull && type.isNonNull {
            return (
                nil,
                [failure("The variable \"$\(name)\" (\(type)) cannot be null.")]
            )
        }
        var problems: [InputProblem] = []
        let coerced = coerceInput(value, type: type, problems: &problems)
        let errors = problems.map { problem in
            failure(ValueCoercion.describe(problem, of: name, value: value))
        }
        return (errors.isEmpty ? Optional(coerced) : Optional.none, errors)
    }

    /// The message for one problem inside a variable's value.
    static func describe(_ problem: InputProblem, of name: String, value: JSON) -> String {
        let place = problem.path.isEmpty ? "" : " at \"\(name)\(show(problem.path))\""
        return
            "The variable \"$\(name)\" cannot take the value \(value.jsonText)\(place): "
            + problem.message
    }

    static func show(_ path: [PathComponent]) -> String {
        path.map { component in
            switch component {
            case .key(let key): return "." + key
            case .index(let index): return "[\(index)]"
            }
        }.joined()
    }
}
