/// Limits that protect a public endpoint from documents that are costly to handle.
///
/// Each limit, when exceeded, produces a `GraphQLError` of category `.limit` whose extensions
/// carry a `code` naming it.
public struct Limits: Sendable {
    /// The largest document accepted, in UTF-8 bytes (`DOCUMENT_TOO_LARGE`).
    public var maxDocumentBytes: Int
    /// The most lexical tokens a document may have (`TOO_MANY_TOKENS`).
    public var maxTokens: Int
    /// The deepest nesting of selection sets in an operation, fragments expanded (`TOO_DEEP`).
    public var maxDepth: Int
    /// The most aliased fields in an operation, fragments expanded (`TOO_MANY_ALIASES`).
    public var maxAliases: Int
    /// The most fields selected at the root of one operation (`TOO_MANY_ROOT_FIELDS`).
    public var maxRootFields: Int
    /// The most validation errors reported; past it validation says it stopped
    /// (`TOO_MANY_ERRORS`).
    public var maxValidationErrors: Int

    /// Creates limits; the defaults suit a public API and stay far above what clients send.
    public init(
        maxDocumentBytes: Int = 1 << 20, maxTokens: Int = 50_000, maxDepth: Int = 64,
        maxAliases: Int = 1_000, maxRootFields: Int = 200, maxValidationErrors: Int = 100
    ) {
        self.maxDocumentBytes = maxDocumentBytes
        self.maxTokens = maxTokens
        self.maxDepth = maxDepth
        self.maxAliases = maxAliases
        self.maxRootFields = maxRootFields
        self.maxValidationErrors = maxValidationErrors
    }

    /// No limit at all, for trusted documents and tests.
    public static let unlimited = Limits(
        maxDocumentBytes: .max, maxTokens: .max, maxDepth: .max, maxAliases: .max,
        maxRootFields: .max, maxValidationErrors: .max)
}
