extension Parser {
    mutating func parseDescription() throws(GraphQLError) -> Description? {
        guard peek(.string) || peek(.blockString) else { return nil }
        let description = Description(value: token.value, isBlock: token.kind == .blockString)
        try advance()
        return description
    }

    mutating func parseTypeSystemDefinition() throws(GraphQLError) -> TypeSystemDefinition {
        let start = token.location
        let description = try parseDescription()
        let keyword = token
        switch keyword.value {
        case "schema":
            try advance()
            let directives = try parseDirectives(isConst: true)
            let operations = try many(.braceLeft, .braceRight) {
                (parser: inout Parser) throws(GraphQLError) in
                try parser.parseOperationTypeDefinition()
            }
            return .schema(
                SchemaDefinition(
                    description: description, directives: directives, operationTypes: operations,
                    isExtension: false, location: start))
        case "directive":
            return .directive(try parseDirectiveDefinition(description: description, start: start))
        default:
            try advance()
            let name = try parseName()
            let kind = try parseTypeMembers(keyword: keyword.value, name: name)
            return .type(
                TypeDefinition(
                    kind: kind.kind, description: description, name: name,
                    directives: kind.directives, isExtension: false, location: start))
        }
    }

    mutating func parseOperationTypeDefinition() throws(GraphQLError) -> (
        operation: OperationType, type: Name
    ) {
        let operation = try parseOperationType()
        try expect(.colon)
        return (operation, try parseName())
    }

    /// Parses what follows a type's name; interfaces come before directives, the rest after.
    mutating func parseTypeMembers(
        keyword: String, name: Name
    ) throws(GraphQLError) -> (
        kind: TypeDefinition.Kind, directives: [Directive]
    ) {
        switch keyword {
        case "type", "interface":
            let interfaces = try parseImplementsInterfaces()
            let directives = try parseDirectives(isConst: true)
            let fields = try optionalMany(.braceLeft, .braceRight) {
                (parser: inout Parser) throws(GraphQLError) in try parser.parseFieldDefinition()
            }
            return keyword == "type"
                ? (.object(interfaces: interfaces, fields: fields), directives)
                : (.interface(interfaces: interfaces, fields: fields), directives)
        case "union":
            let directives = try parseDirectives(isConst: true)
            let types =
                try expectOptional(.equals)
                ? try delimitedMany(.pipe) { (parser: inout Parser) throws(GraphQLError) in
                    try parser.parseName()
                } : []
            return (.union(types: types), directives)
        case "enum":
            let directives = try parseDirectives(isConst: true)
            let values = try optionalMany(.braceLeft, .braceRight) {
                (parser: inout Parser) throws(GraphQLError) in try parser.parseEnumValueDefinition()
            }
            return (.enumeration(values: values), directives)
        case "input":
            let directives = try parseDirectives(isConst: true)
            let fields = try optionalMany(.braceLeft, .braceRight) {
                (parser: inout Parser) throws(GraphQLError) in
                try parser.parseInputValueDefinition()
            }
            return (.inputObject(fields: fields), directives)
        default:
            return (.scalar, try parseDirectives(isConst: true))
        }
    }

    mutating func parseImplementsInterfaces() throws(GraphQLError) -> [Name] {
        guard try expectOptionalKeyword("implements") else { return [] }
        return try delimitedMany(.ampersand) { (parser: inout Parser) throws(GraphQLError) in
            try parser.parseName()
        }
    }

    mutating func parseFieldDefinition() throws(GraphQLError) -> FieldDefinition {
        let start = token.location
        let description = try parseDescription()
        let name = try parseName()
        let arguments = try parseArgumentDefinitions()
        try expect(.colon)
        let type = try parseTypeReference()
        return FieldDefinition(
            description: description, name: name, arguments: arguments, type: type,
            directives: try parseDirectives(isConst: true), location: start)
    }

    mutating func parseArgumentDefinitions() throws(GraphQLError) -> [InputValueDefinition] {
        try optionalMany(.parenLeft, .parenRight) { (parser: inout Parser) throws(GraphQLError) in
            try parser.parseInputValueDefinition()
        }
    }

    mutating func parseInputValueDefinition() throws(GraphQLError) -> InputValueDefinition {
        let start = token.location
        let description = try parseDescription()
        let name = try parseName()
        try expect(.colon)
        let type = try parseTypeReference()
        let defaultValue = try expectOptional(.equals) ? try parseValue(isConst: true) : nil
        return InputValueDefinition(
            description: description, name: name, type: type, defaultValue: defaultValue,
            directives: try parseDirectives(isConst: true), location: start)
    }

    mutating func parseEnumValueDefinition() throws(GraphQLError) -> EnumValueDefinition {
        let start = token.location
        let description = try parseDescription()
        if peekKeyword("true") || peekKeyword("false") || peekKeyword("null") {
            throw error(
                "\(token.description) cannot name an enum value.", at: token)
        }
        let name = try parseName()
        return EnumValueDefinition(
            description: description, name: name,
            directives: try parseDirectives(isConst: true), location: start)
    }

    private static let directiveLocations: Set<String> = Set(
        DirectiveLocation.allCases.map(\.rawValue))

    mutating func parseDirectiveDefinition(
        description: Description?, start: SourceLocation
    )
        throws(GraphQLError) -> DirectiveDefinition
    {
        try expectKeyword("directive")
        try expect(.at)
        let name = try parseName()
        let arguments = try parseArgumentDefinitions()
        let isRepeatable = try expectOptionalKeyword("repeatable")
        try expectKeyword("on")
        let locations = try delimitedMany(.pipe) { (parser: inout Parser) throws(GraphQLError) in
            let current = parser.token
            let name = try parser.parseName()
            guard Parser.directiveLocations.contains(name.value) else {
                throw parser.unexpected(current)
            }
            return name
        }
        return DirectiveDefinition(
            description: description, name: name, arguments: arguments,
            isRepeatable: isRepeatable, locations: locations, location: start)
    }

    mutating func parseTypeSystemExtension() throws(GraphQLError) -> TypeSystemDefinition {
        let start = token.location
        let keyword = try lookahead()
        guard keyword.kind == .name else { throw unexpected(keyword) }
        switch keyword.value {
        case "schema":
            try advance()
            try advance()
            let directives = try parseDirectives(isConst: true)
            let operations = try optionalMany(.braceLeft, .braceRight) {
                (parser: inout Parser) throws(GraphQLError) in
                try parser.parseOperationTypeDefinition()
            }
            if directives.isEmpty && operations.isEmpty { throw unexpected() }
            return .schema(
                SchemaDefinition(
                    description: nil, directives: directives, operationTypes: operations,
                    isExtension: true, location: start))
        case "scalar", "type", "interface", "union", "enum", "input":
            try advance()
            try advance()
            let name = try parseName()
            let members = try parseTypeMembers(keyword: keyword.value, name: name)
            if members.directives.isEmpty && Parser.hasNoMembers(members.kind) {
                throw unexpected()
            }
            return .type(
                TypeDefinition(
                    kind: members.kind, description: nil, name: name,
                    directives: members.directives, isExtension: true, location: start))
        default:
            throw unexpected(keyword)
        }
    }

    private static func hasNoMembers(_ kind: TypeDefinition.Kind) -> Bool {
        switch kind {
        case .scalar: return true
        case .object(let interfaces, let fields), .interface(let interfaces, let fields):
            return interfaces.isEmpty && fields.isEmpty
        case .union(let types): return types.isEmpty
        case .enumeration(let values): return values.isEmpty
        case .inputObject(let fields): return fields.isEmpty
        }
    }
}
