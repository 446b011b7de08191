/// A type-system definition or extension written in SDL.
public enum TypeSystemDefinition: Sendable {
    /// `schema { query: Q }` or `extend schema …`.
    case schema(SchemaDefinition)
    /// A named type definition or extension.
    case type(TypeDefinition)
    /// `directive @name(args) repeatable on LOCATIONS`.
    case directive(DirectiveDefinition)

    /// Where the definition starts (at its description, if any).
    public var location: SourceLocation {
        switch self {
        case .schema(let schema): return schema.location
        case .type(let type): return type.location
        case .directive(let directive): return directive.location
        }
    }
}

/// `schema @d { query: Query … }`, or its extension.
public struct SchemaDefinition: Sendable {
    /// The description, if any.
    public var description: Description?
    /// The directives applied to the schema.
    public var directives: [Directive]
    /// The root operation types.
    public var operationTypes: [(operation: OperationType, type: Name)]
    /// Whether this is `extend schema`.
    public var isExtension: Bool
    /// Where the definition starts.
    public var location: SourceLocation
}

/// A named type definition or extension.
public struct TypeDefinition: Sendable {
    /// What kind of type is defined, with its members.
    public enum Kind: Sendable {
        /// `scalar Name`.
        case scalar
        /// `type Name implements I { fields }`.
        case object(interfaces: [Name], fields: [FieldDefinition])
        /// `interface Name implements I { fields }`.
        case interface(interfaces: [Name], fields: [FieldDefinition])
        /// `union Name = A | B`.
        case union(types: [Name])
        /// `enum Name { VALUES }`.
        case enumeration(values: [EnumValueDefinition])
        /// `input Name { fields }`.
        case inputObject(fields: [InputValueDefinition])

        /// The keyword introducing this kind of definition.
        public var keyword: String {
            switch self {
            case .scalar: return "scalar"
            case .object: return "type"
            case .interface: return "interface"
            case .union: return "union"
            case .enumeration: return "enum"
            case .inputObject: return "input"
            }
        }
    }

    /// The kind and members.
    public var kind: Kind
    /// The description, if any.
    public var description: Description?
    /// The type's name.
    public var name: Name
    /// The directives applied to the type.
    public var directives: [Directive]
    /// Whether this is an `extend` definition.
    public var isExtension: Bool
    /// Where the definition starts.
    public var location: SourceLocation
}

/// `name(args): Type @d` in an object or interface.
public struct FieldDefinition: Sendable {
    /// The description, if any.
    public var description: Description?
    /// The field's name.
    public var name: Name
    /// The field's arguments.
    public var arguments: [InputValueDefinition]
    /// The field's type.
    public var type: TypeReference
    /// The directives applied to the field.
    public var directives: [Directive]
    /// Where the definition starts.
    public var location: SourceLocation
}

/// An argument or input field definition: `name: Type = default @d`.
public struct InputValueDefinition: Sendable {
    /// The description, if any.
    public var description: Description?
    /// The name.
    public var name: Name
    /// The type.
    public var type: TypeReference
    /// The default value, if any.
    public var defaultValue: ValueNode?
    /// The directives applied to the definition.
    public var directives: [Directive]
    /// Where the definition starts.
    public var location: SourceLocation
}

/// One value of an enum definition.
public struct EnumValueDefinition: Sendable {
    /// The description, if any.
    public var description: Description?
    /// The value's name.
    public var name: Name
    /// The directives applied to the value.
    public var directives: [Directive]
    /// Where the definition starts.
    public var location: SourceLocation
}

/// `directive @name(args) repeatable on A | B`.
public struct DirectiveDefinition: Sendable {
    /// The description, if any.
    public var description: Description?
    /// The directive's name, without `@`.
    public var name: Name
    /// The directive's arguments.
    public var arguments: [InputValueDefinition]
    /// Whether the directive may appear more than once at a location.
    public var isRepeatable: Bool
    /// The locations where the directive may appear.
    public var locations: [Name]
    /// Where the definition starts.
    public var location: SourceLocation
}

/// The description of a type-system element, remembering how it was quoted.
public struct Description: Sendable {
    /// The description's text.
    public var value: String
    /// Whether it was written as a `"""` block string.
    public var isBlock: Bool
}
