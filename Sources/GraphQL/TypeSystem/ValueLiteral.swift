/// Turns coerced input values back into literals, for default values in introspection and SDL.
enum ValueLiteral {
    static let nowhere = SourceLocation(line: 0, column: 0)

    /// The literal of `value` as an input of `type`, or nil when it cannot be written.
    static func make(from value: JSON, type: GraphQLType, schema: GraphQLSchema) -> ValueNode? {
        switch type {
        case .nonNull(let inner):
            let literal = make(from: value, type: inner, schema: schema)
            if case .null? = literal?.kind { return nil }
            return literal
        case .list(let inner):
            if value.isNull { return ValueNode(kind: .null, location: nowhere) }
            guard case .list(let items) = value else {
                return make(from: value, type: inner, schema: schema)
            }
            let literals = items.compactMap { make(from: $0, type: inner, schema: schema) }
            return ValueNode(kind: .list(literals), location: nowhere)
        case .named(let name):
            if value.isNull { return ValueNode(kind: .null, location: nowhere) }
            return make(from: value, named: name, schema: schema)
        }
    }

    private static func make(
        from value: JSON, named name: String, schema: GraphQLSchema
    ) -> ValueNode? {
        switch schema.types[name] {
        case .inputObject(let input)?:
            guard case .object(let object) = value else { return nil }
            let fields = input.fields.compactMap { field -> ObjectField? in
                guard let fieldValue = object[field.name],
                    let literal = make(from: fieldValue, type: field.type, schema: schema)
                else { return nil }
                return ObjectField(
                    name: Name(value: field.name, location: nowhere), value: literal,
                    location: nowhere)
            }
            return ValueNode(kind: .object(fields), location: nowhere)
        case .enumeration(let enumeration)?:
            guard let name = enumeration.serialize(value) else { return nil }
            return ValueNode(kind: .enumValue(name), location: nowhere)
        case .scalar(let scalar)?:
            guard let serialized = try? scalar.serializeValue(value) else { return nil }
            return literal(of: serialized, isID: name == "ID")
        default:
            return nil
        }
    }

    /// The literal of a serialised scalar value.
    static func literal(of value: JSON, isID: Bool) -> ValueNode? {
        let kind: ValueNode.Kind
        switch value {
        case .null: kind = .null
        case .bool(let flag): kind = .boolean(flag)
        case .int(let int): kind = .int(String(int))
        case .double(let double):
            guard double.isFinite else { return nil }
            var text = String(double)
            if text.hasSuffix(".0") { text.removeLast(2) }
            kind = .float(text)
        case .string(let text):
            kind =
                isID && Int(text) != nil && !text.hasPrefix("+")
                ? .int(text) : .string(text, block: false)
        case .list(let items):
            kind = .list(items.compactMap { literal(of: $0, isID: false) })
        case .object(let object):
            kind = .object(
                object.compactMap { entry in
                    literal(of: entry.value, isID: false).map {
                        ObjectField(
                            name: Name(value: entry.key, location: nowhere), value: $0,
                            location: nowhere)
                    }
                })
        }
        return ValueNode(kind: kind, location: nowhere)
    }
}
