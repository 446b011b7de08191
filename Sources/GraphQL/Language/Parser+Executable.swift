extension Parser {
    mutating func parseDocument() throws(GraphQLError) -> Document {
        var definitions: [Definition] = []
        repeat {
            definitions.append(try parseDefinition())
        } while !peek(.endOfFile)
        return Document(definitions: definitions, tokenCount: lexer.tokenCount)
    }

    private static let typeSystemKeywords: Set<String> = [
        "schema", "scalar", "type", "interface", "union", "enum", "input", "directive",
    ]

    mutating func parseDefinition() throws(GraphQLError) -> Definition {
        if peek(.braceLeft) { return .operation(try parseOperationDefinition()) }
        let hasDescription = peek(.string) || peek(.blockString)
        let keyword = hasDescription ? try lookahead() : token
        if keyword.kind == .name {
            if Parser.typeSystemKeywords.contains(keyword.value) {
                return .typeSystem(try parseTypeSystemDefinition())
            }
            if hasDescription {
                throw error(
                    "Only type-system definitions can have a description.",
                    at: token)
            }
            switch keyword.value {
            case "query", "mutation", "subscription":
                return .operation(try parseOperationDefinition())
            case "fragment": return .fragment(try parseFragmentDefinition())
            case "extend": return .typeSystem(try parseTypeSystemExtension())
            default: break
            }
        }
        throw unexpected(keyword)
    }

    /// The token after the current one, without consuming anything.
    func lookahead() throws(GraphQLError) -> Token {
        var copy = lexer
        return try copy.next()
    }

    mutating func parseOperationDefinition() throws(GraphQLError) -> OperationDefinition {
        let start = token.location
        if peek(.braceLeft) {
            return OperationDefinition(
                operation: .query, name: nil, variableDefinitions: [], directives: [],
                selectionSet: try parseSelectionSet(), location: start)
        }
        let operation = try parseOperationType()
        let name = peek(.name) ? try parseName() : nil
        return OperationDefinition(
            operation: operation, name: name,
            variableDefinitions: try optionalMany(.parenLeft, .parenRight) {
                (parser: inout Parser) throws(GraphQLError) in try parser.parseVariableDefinition()
            },
            directives: try parseDirectives(isConst: false),
            selectionSet: try parseSelectionSet(), location: start)
    }

    mutating func parseOperationType() throws(GraphQLError) -> OperationType {
        let current = try expect(.name)
        guard let operation = OperationType(rawValue: current.value) else {
            throw unexpected(current)
        }
        return operation
    }

    mutating func parseVariableDefinition() throws(GraphQLError) -> VariableDefinition {
        let start = token.location
        try expect(.dollar)
        let variable = try parseName()
        try expect(.colon)
        let type = try parseTypeReference()
        let defaultValue = try expectOptional(.equals) ? try parseValue(isConst: true) : nil
        return VariableDefinition(
            variable: variable, type: type, defaultValue: defaultValue,
            directives: try parseDirectives(isConst: true), location: start)
    }

    mutating func parseSelectionSet() throws(GraphQLError) -> SelectionSet {
        let start = token.location
        try enterNesting()
        defer { nesting -= 1 }
        let selections = try many(.braceLeft, .braceRight) {
            (parser: inout Parser) throws(GraphQLError) in try parser.parseSelection()
        }
        return SelectionSet(selections: selections, location: start)
    }

    mutating func parseSelection() throws(GraphQLError) -> Selection {
        peek(.spread) ? try parseFragment() : .field(try parseField())
    }

    mutating func parseField() throws(GraphQLError) -> Field {
        let start = token.location
        var name = try parseName()
        var alias: Name?
        if try expectOptional(.colon) {
            alias = name
            name = try parseName()
        }
        let arguments = try parseArguments(isConst: false)
        let directives = try parseDirectives(isConst: false)
        let selectionSet = peek(.braceLeft) ? try parseSelectionSet() : nil
        return Field(
            alias: alias, name: name, arguments: arguments, directives: directives,
            selectionSet: selectionSet, location: start)
    }

    mutating func parseArguments(isConst: Bool) throws(GraphQLError) -> [Argument] {
        try optionalMany(.parenLeft, .parenRight) { (parser: inout Parser) throws(GraphQLError) in
            let start = parser.token.location
            let name = try parser.parseName()
            try parser.expect(.colon)
            let value = try parser.parseValue(isConst: isConst)
            return Argument(name: name, value: value, location: start)
        }
    }

    mutating func parseFragment() throws(GraphQLError) -> Selection {
        let start = token.location
        try expect(.spread)
        let hasTypeCondition = try expectOptionalKeyword("on")
        if !hasTypeCondition && peek(.name) {
            let name = try parseFragmentName()
            return .fragmentSpread(
                FragmentSpread(
                    name: name, directives: try parseDirectives(isConst: false), location: start))
        }
        let typeCondition = hasTypeCondition ? try parseName() : nil
        return .inlineFragment(
            InlineFragment(
                typeCondition: typeCondition, directives: try parseDirectives(isConst: false),
                selectionSet: try parseSelectionSet(), location: start))
    }

    mutating func parseFragmentName() throws(GraphQLError) -> Name {
        if peekKeyword("on") { throw unexpected() }
        return try parseName()
    }

    mutating func parseFragmentDefinition() throws(GraphQLError) -> FragmentDefinition {
        let start = token.location
        try expectKeyword("fragment")
        let name = try parseFragmentName()
        try expectKeyword("on")
        let typeCondition = try parseName()
        return FragmentDefinition(
            name: name, typeCondition: typeCondition,
            directives: try parseDirectives(isConst: false),
            selectionSet: try parseSelectionSet(), location: start)
    }

    mutating func parseDirectives(isConst: Bool) throws(GraphQLError) -> [Directive] {
        var directives: [Directive] = []
        while peek(.at) {
            let start = token.location
            try advance()
            let name = try parseName()
            directives.append(
                Directive(
                    name: name, arguments: try parseArguments(isConst: isConst), location: start))
        }
        return directives
    }
}
