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
            let name = definition.variable.value
            let type = GraphQLType(definition.type)
            let location = [definition.location]
            guard types[type.namedType]?.isInput == true else {
                errors.append(
                    GraphQLError(
                        "Variable \"$\(name)\" expected value of type \"\(type)\" which cannot be used "
                            + "as an input type.", locations: location, category: .coercion))
                continue
            }
            guard let value = inputs[name] else {
                if let defaultValue = definition.defaultValue {
                    if let coerced = valueFromLiteral(defaultValue, type: type, variables: nil) {
                        result[name] = coerced
                    }
                } else if type.isNonNull {
                    errors.append(
                        GraphQLError(
                            "Variable \"$\(name)\" of required type \"\(type)\" was not provided.",
                            locations: location, category: .coercion))
                }
                continue
            }
            if value.isNull && type.isNonNull {
                errors.append(
                    GraphQLError(
                        "Variable \"$\(name)\" of non-null type \"\(type)\" must not be null.",
                        locations: location, category: .coercion))
                continue
            }
            var problems: [InputProblem] = []
            let coerced = coerceInput(value, type: type, problems: &problems)
            for problem in problems {
                let at =
                    problem.path.isEmpty ? "" : " at \"\(name)\(ValueCoercion.show(problem.path))\""
                errors.append(
                    GraphQLError(
                        "Variable \"$\(name)\" got invalid value \(value.jsonText)\(at); \(problem.message)",
                        locations: location, category: .coercion))
            }
            if problems.isEmpty { result[name] = coerced }
        }
        return errors.isEmpty ? .success(result) : .failure(RequestErrors(errors: errors))
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
