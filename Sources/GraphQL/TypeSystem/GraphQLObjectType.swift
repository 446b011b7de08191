/// Decides which object type an abstract type's value has, by name; nil means unknown.
public typealias TypeResolver =
    @Sendable (_ value: any Sendable, _ context: any Sendable) async throws -> String?

/// An object type: a set of named fields.
public final class GraphQLObjectType: Sendable {
    /// The type's name.
    public let name: String
    /// The type's description.
    public let description: String?
    /// The fields, in declaration order.
    public let fields: FieldMap
    /// The names of the interfaces the type implements.
    public let interfaces: [String]
    /// Tells whether a value belongs to this type, for abstract types without a resolver.
    public let isTypeOf: (@Sendable (any Sendable) -> Bool)?

    /// Declares an object type.
    public init(
        _ name: String, description: String? = nil, interfaces: [String] = [],
        fields: [GraphQLField], isTypeOf: (@Sendable (any Sendable) -> Bool)? = nil
    ) {
        self.name = name
        self.description = description
        self.fields = FieldMap(fields)
        self.interfaces = interfaces
        self.isTypeOf = isTypeOf
    }
}

/// An interface type: fields shared by the objects and interfaces implementing it.
public final class GraphQLInterfaceType: Sendable {
    /// The type's name.
    public let name: String
    /// The type's description.
    public let description: String?
    /// The fields, in declaration order.
    public let fields: FieldMap
    /// The names of the interfaces this interface implements.
    public let interfaces: [String]
    /// Names the object type of a value; nil falls back to `__typename` and `isTypeOf`.
    public let resolveType: TypeResolver?

    /// Declares an interface type.
    public init(
        _ name: String, description: String? = nil, interfaces: [String] = [],
        fields: [GraphQLField], resolveType: TypeResolver? = nil
    ) {
        self.name = name
        self.description = description
        self.fields = FieldMap(fields)
        self.interfaces = interfaces
        self.resolveType = resolveType
    }
}

/// A union type: a value is one of several object types.
public final class GraphQLUnionType: Sendable {
    /// The type's name.
    public let name: String
    /// The type's description.
    public let description: String?
    /// The member object types' names.
    public let types: [String]
    /// Names the object type of a value; nil falls back to `__typename` and `isTypeOf`.
    public let resolveType: TypeResolver?

    /// Declares a union type.
    public init(
        _ name: String, description: String? = nil, types: [String],
        resolveType: TypeResolver? = nil
    ) {
        self.name = name
        self.description = description
        self.types = types
        self.resolveType = resolveType
    }
}

/// An input object type: structured input with named fields.
public final class GraphQLInputObjectType: Sendable {
    /// The type's name.
    public let name: String
    /// The type's description.
    public let description: String?
    /// The fields, in declaration order.
    public let fields: [GraphQLInputValue]
    /// Whether exactly one field must be given, and not null (`@oneOf`).
    public let isOneOf: Bool

    /// Declares an input object type.
    public init(
        _ name: String, description: String? = nil, fields: [GraphQLInputValue],
        isOneOf: Bool = false
    ) {
        self.name = name
        self.description = description
        self.fields = fields
        self.isOneOf = isOneOf
    }

    /// The field with this name.
    func field(_ name: String) -> GraphQLInputValue? {
        fields.first { $0.name == name }
    }
}
