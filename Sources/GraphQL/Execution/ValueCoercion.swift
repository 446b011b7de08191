/// Coerces literals and JSON inputs to the schema's input types.
struct ValueCoercion {
    let types: [String: GraphQLNamedType]

    /// The value of a literal as an input of `type`, or nil when the literal is not valid for it.
    /// A variable missing from `variables` (or any variable when `variables` is nil) is invalid.
    func valueFromLiteral(_ literal: ValueNode, type: GraphQLType, variables: JSONObject?) -> JSON?
    {
        if case .variable(let name) = literal.kind {
            guard let value = variables?[name] else { return nil }
            if value.isNull && type.isNonNull { return nil }
            return value
        }
        switch type {
        case .nonNull(let inner):
            if case .null = literal.kind { return nil }
            return valueFromLiteral(literal, type: inner, variables: variables)
        case _ where { if case .null = literal.kind { return true } else { return false } }():
            return .null
        case .list(let inner):
            guard case .list(let items) = literal.kind else {
                return valueFromLiteral(literal, type: inner, variables: variables).map {
                    .list([$0])
                }
            }
            var result: [JSON] = []
            for item in items {
                if isMissingVariable(item, variables) {
                    if inner.isNonNull { return nil }
                    result.append(.null)
                    continue
                }
                guard let value = valueFromLiteral(item, type: inner, variables: variables) else {
                    return nil
                }
                result.append(value)
            }
            return .list(result)
        case .named(let name):
            return valueFromLiteral(literal, named: name, variables: variables)
        }
    }

    func isMissingVariable(_ literal: ValueNode, _ variables: JSONObject?) -> Bool {
        guard case .variable(let name) = literal.kind else { return false }
        return variables?[name] == nil
    }

    private func valueFromLiteral(
        _ literal: ValueNode, named name: String, variables: JSONObject?
    )
        -> JSON?
    {
        switch types[name] {
        case .inputObject(let input)?:
            guard case .object(let fields) = literal.kind else { return nil }
            var result = JSONObject()
            for field in input.fields {
                guard let node = fields.first(where: { $0.name.value == field.name }),
                    !isMissingVariable(node.value, variables)
                else {
                    if let defaultValue = field.defaultValue {
                        result[field.name] = defaultValue
                    } else if field.type.isNonNull {
                        return nil
                    }
                    continue
                }
                guard
                    let value = valueFromLiteral(node.value, type: field.type, variables: variables)
                else { return nil }
                result[field.name] = value
            }
            if input.isOneOf {
                guard result.count == 1, result.values.first?.isNull == false else { return nil }
            }
            return .object(result)
        case .enumeration(let enumeration)?:
            guard case .enumValue(let value) = literal.kind, enumeration.value(named: value) != nil
            else { return nil }
            return .string(value)
        case .scalar(let scalar)?:
            return try? scalar.parseInputLiteral(literal, variables ?? JSONObject())
        default:
            return nil
        }
    }
}
