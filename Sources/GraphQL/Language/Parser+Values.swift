extension Parser {
    mutating func parseValue(isConst: Bool) throws(GraphQLError) -> ValueNode {
        let current = token
        let location = current.location
        switch current.kind {
        case .bracketLeft:
            try enterNesting()
            defer { nesting -= 1 }
            let items = try any(.bracketLeft, .bracketRight) {
                (parser: inout Parser) throws(GraphQLError) in
                try parser.parseValue(isConst: isConst)
            }
            return ValueNode(kind: .list(items), location: location)
        case .braceLeft:
            try enterNesting()
            defer { nesting -= 1 }
            let fields = try any(.braceLeft, .braceRight) {
                (parser: inout Parser) throws(GraphQLError) in
                let start = parser.token.location
                let name = try parser.parseName()
                try parser.expect(.colon)
                return ObjectField(
                    name: name, value: try parser.parseValue(isConst: isConst), location: start)
            }
            return ValueNode(kind: .object(fields), location: location)
        case .int:
            try advance()
            return ValueNode(kind: .int(current.value), location: location)
        case .float:
            try advance()
            return ValueNode(kind: .float(current.value), location: location)
        case .string, .blockString:
            try advance()
            return ValueNode(
                kind: .string(current.value, block: current.kind == .blockString),
                location: location)
        case .name:
            try advance()
            return ValueNode(kind: Parser.nameValue(current.value), location: location)
        case .dollar:
            return try parseVariableValue(isConst: isConst)
        default:
            throw unexpected()
        }
    }

    private static func nameValue(_ name: String) -> ValueNode.Kind {
        switch name {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "null": return .null
        default: return .enumValue(name)
        }
    }

    private mutating func parseVariableValue(isConst: Bool) throws(GraphQLError) -> ValueNode {
        let dollar = token
        if isConst {
            let next = try lookahead()
            if next.kind == .name {
                throw error(
                    "A constant value cannot use the variable \"$\(next.value)\".", at: dollar)
            }
            throw unexpected(dollar)
        }
        try advance()
        let name = try parseName()
        return ValueNode(kind: .variable(name.value), location: dollar.location)
    }

    mutating func parseTypeReference() throws(GraphQLError) -> TypeReference {
        let start = token.location
        var type: TypeReference
        if try expectOptional(.bracketLeft) {
            try enterNesting()
            defer { nesting -= 1 }
            let inner = try parseTypeReference()
            try expect(.bracketRight)
            type = .list(inner, start)
        } else {
            type = .named(try parseName())
        }
        if try expectOptional(.bang) {
            type = .nonNull(type, start)
        }
        return type
    }
}
