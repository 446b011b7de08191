/// A reference to a type in a schema: a named type, a list, or a non-null wrapper.
///
/// Types refer to each other by name so that a schema can be declared as plain values even
/// when its types are mutually recursive; the schema checks every name when it is built.
public indirect enum GraphQLType: Sendable, Hashable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// A named type such as `String` or `Query`.
    case named(String)
    /// A list of the wrapped type.
    case list(GraphQLType)
    /// The wrapped type, never null.
    case nonNull(GraphQLType)

    /// Creates a reference to a named type.
    public init(stringLiteral value: String) {
        self = .named(value)
    }

    /// The innermost type name.
    public var namedType: String {
        switch self {
        case .named(let name): return name
        case .list(let inner), .nonNull(let inner): return inner.namedType
        }
    }

    /// Whether the type is wrapped in non-null at the outermost level.
    public var isNonNull: Bool {
        if case .nonNull = self { return true }
        return false
    }

    /// The type without its outermost non-null wrapper.
    public var nullable: GraphQLType {
        if case .nonNull(let inner) = self { return inner }
        return self
    }

    /// The type as written in GraphQL, such as `[String!]!`.
    public var description: String {
        switch self {
        case .named(let name): return name
        case .list(let inner): return "[\(inner)]"
        case .nonNull(let inner): return "\(inner)!"
        }
    }

    /// Converts a type written in a document.
    init(_ reference: TypeReference) {
        switch reference {
        case .named(let name): self = .named(name.value)
        case .list(let inner, _): self = .list(GraphQLType(inner))
        case .nonNull(let inner, _): self = .nonNull(GraphQLType(inner))
        }
    }
}
