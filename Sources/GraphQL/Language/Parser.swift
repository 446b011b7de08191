/// Parses GraphQL source text into a `Document`.
///
/// - Parameters:
///   - source: the document text.
///   - limits: size and token limits checked while parsing.
/// - Throws: `GraphQLError` of category `.syntax` at the first token that breaks the grammar,
///   or `.limit` when the document is too large.
public func parse(_ source: String, limits: Limits = Limits()) throws(GraphQLError) -> Document {
    if source.utf8.count > limits.maxDocumentBytes {
        throw GraphQLError(
            "The document is \(source.utf8.count) bytes long; the limit is "
                + "\(limits.maxDocumentBytes).",
            extensions: ["code": "DOCUMENT_TOO_LARGE"], category: .limit)
    }
    var parser = try Parser(source, maxTokens: limits.maxTokens)
    return try parser.parseDocument()
}

/// A recursive-descent parser following the grammar of the GraphQL specification.
struct Parser {
    var lexer: Lexer
    var token: Token
    let maxTokens: Int
    /// Current nesting of selection sets and composite values, bounded to protect the stack.
    var nesting = 0
    static let maxNesting = 512

    init(_ source: String, maxTokens: Int = .max) throws(GraphQLError) {
        lexer = Lexer(source)
        self.maxTokens = maxTokens
        token = try lexer.next()
        try checkTokenLimit()
    }

    private func checkTokenLimit() throws(GraphQLError) {
        if lexer.tokenCount > maxTokens {
            throw GraphQLError(
                "The document has more than \(maxTokens) tokens.", locations: [token.location],
                extensions: ["code": "TOO_MANY_TOKENS"], category: .limit)
        }
    }

    mutating func advance() throws(GraphQLError) {
        token = try lexer.next()
        try checkTokenLimit()
    }

    func peek(_ kind: Token.Kind) -> Bool { token.kind == kind }

    func peekKeyword(_ keyword: String) -> Bool { token.kind == .name && token.value == keyword }

    func unexpected(_ at: Token? = nil) -> GraphQLError {
        let culprit = at ?? token
        return GraphQLError(
            "Syntax error: did not expect \(culprit.description) here.",
            locations: [culprit.location],
            category: .syntax)
    }

    func error(_ message: String, at culprit: Token) -> GraphQLError {
        GraphQLError("Syntax error: \(message)", locations: [culprit.location], category: .syntax)
    }

    @discardableResult
    mutating func expect(_ kind: Token.Kind) throws(GraphQLError) -> Token {
        let current = token
        guard current.kind == kind else {
            throw error("Wanted \(kind.display) but found \(current.description).", at: current)
        }
        try advance()
        return current
    }

    mutating func expectOptional(_ kind: Token.Kind) throws(GraphQLError) -> Bool {
        guard token.kind == kind else { return false }
        try advance()
        return true
    }

    mutating func expectKeyword(_ keyword: String) throws(GraphQLError) {
        guard peekKeyword(keyword) else {
            throw error("Wanted \"\(keyword)\" but found \(token.description).", at: token)
        }
        try advance()
    }

    mutating func expectOptionalKeyword(_ keyword: String) throws(GraphQLError) -> Bool {
        guard peekKeyword(keyword) else { return false }
        try advance()
        return true
    }

    mutating func parseName() throws(GraphQLError) -> Name {
        let current = try expect(.name)
        return Name(value: current.value, location: current.location)
    }

    /// One or more items between `open` and `close`.
    mutating func many<T>(
        _ open: Token.Kind, _ close: Token.Kind,
        _ item: (inout Parser) throws(GraphQLError) -> T
    ) throws(GraphQLError) -> [T] {
        try expect(open)
        var items: [T] = []
        repeat {
            items.append(try item(&self))
        } while try !expectOptional(close)
        return items
    }

    /// Zero or more items between `open` and `close`.
    mutating func any<T>(
        _ open: Token.Kind, _ close: Token.Kind,
        _ item: (inout Parser) throws(GraphQLError) -> T
    ) throws(GraphQLError) -> [T] {
        try expect(open)
        var items: [T] = []
        while try !expectOptional(close) {
            items.append(try item(&self))
        }
        return items
    }

    /// One or more items between `open` and `close` when `open` is next, else none.
    mutating func optionalMany<T>(
        _ open: Token.Kind, _ close: Token.Kind,
        _ item: (inout Parser) throws(GraphQLError) -> T
    ) throws(GraphQLError) -> [T] {
        peek(open) ? try many(open, close, item) : []
    }

    /// Items separated by `delimiter`, which may also lead.
    mutating func delimitedMany<T>(
        _ delimiter: Token.Kind, _ item: (inout Parser) throws(GraphQLError) -> T
    ) throws(GraphQLError) -> [T] {
        _ = try expectOptional(delimiter)
        var items: [T] = []
        repeat {
            items.append(try item(&self))
        } while try expectOptional(delimiter)
        return items
    }

    mutating func enterNesting() throws(GraphQLError) {
        nesting += 1
        if nesting > Parser.maxNesting {
            throw GraphQLError(
                "The document nests deeper than \(Parser.maxNesting) levels.",
                locations: [token.location], extensions: ["code": "TOO_DEEP"], category: .limit)
        }
    }
}
