/// A parsed GraphQL document: operations, fragments and type-system definitions.
public struct Document: Sendable {
    /// The definitions in source order.
    public var definitions: [Definition]
    /// How many tokens the lexer produced, for limits.
    public var tokenCount: Int

    /// The operation definitions in source order.
    public var operations: [OperationDefinition] {
        definitions.compactMap {
            if case .operation(let operation) = $0 { return operation }
            return nil
        }
    }

    /// The fragment definitions in source order.
    public var fragments: [FragmentDefinition] {
        definitions.compactMap {
            if case .fragment(let fragment) = $0 { return fragment }
            return nil
        }
    }
}

/// A top-level definition of a document.
public enum Definition: Sendable {
    /// A query, mutation or subscription.
    case operation(OperationDefinition)
    /// A named fragment.
    case fragment(FragmentDefinition)
    /// A schema, type or directive definition or extension.
    case typeSystem(TypeSystemDefinition)

    /// Where the definition starts.
    public var location: SourceLocation {
        switch self {
        case .operation(let operation): return operation.location
        case .fragment(let fragment): return fragment.location
        case .typeSystem(let definition): return definition.location
        }
    }
}

/// A name with its location.
public struct Name: Sendable, Hashable {
    /// The name's text.
    public var value: String
    /// Where the name starts.
    public var location: SourceLocation
}

/// The kind of an operation.
public enum OperationType: String, Sendable {
    /// A read-only fetch.
    case query
    /// A write followed by a fetch.
    case mutation
    /// A long-lived request receiving events.
    case subscription
}

/// `query Name($v: T) @d { … }` or a bare selection set.
public struct OperationDefinition: Sendable {
    /// The operation kind.
    public var operation: OperationType
    /// The optional name.
    public var name: Name?
    /// The variables the operation declares.
    public var variableDefinitions: [VariableDefinition]
    /// The directives applied to the operation.
    public var directives: [Directive]
    /// The root selections.
    public var selectionSet: SelectionSet
    /// Where the definition starts.
    public var location: SourceLocation
}

/// `$name: Type = default @d`.
public struct VariableDefinition: Sendable {
    /// The variable's name, without `$`.
    public var variable: Name
    /// The declared type.
    public var type: TypeReference
    /// The default value, if any.
    public var defaultValue: ValueNode?
    /// The directives applied to the definition.
    public var directives: [Directive]
    /// Where the definition starts (at `$`).
    public var location: SourceLocation
}

/// `{ … }`: a list of selections.
public struct SelectionSet: Sendable {
    /// The selections in source order.
    public var selections: [Selection]
    /// Where the opening brace is.
    public var location: SourceLocation
}

/// A field, fragment spread or inline fragment.
public enum Selection: Sendable {
    /// A field selection.
    case field(Field)
    /// `...Name`.
    case fragmentSpread(FragmentSpread)
    /// `... on Type { … }`.
    case inlineFragment(InlineFragment)

    /// Where the selection starts.
    public var location: SourceLocation {
        switch self {
        case .field(let field): return field.location
        case .fragmentSpread(let spread): return spread.location
        case .inlineFragment(let fragment): return fragment.location
        }
    }

    /// The directives applied to the selection.
    public var directives: [Directive] {
        switch self {
        case .field(let field): return field.directives
        case .fragmentSpread(let spread): return spread.directives
        case .inlineFragment(let fragment): return fragment.directives
        }
    }
}

/// `alias: name(args) @d { … }`.
public struct Field: Sendable {
    /// The alias, if any.
    public var alias: Name?
    /// The field's name in the schema.
    public var name: Name
    /// The arguments in source order.
    public var arguments: [Argument]
    /// The directives applied to the field.
    public var directives: [Directive]
    /// The sub-selections, for composite fields.
    public var selectionSet: SelectionSet?
    /// Where the field starts (at the alias if any).
    public var location: SourceLocation

    /// The key of the field in the response: the alias or the name.
    public var responseKey: String { alias?.value ?? name.value }
}

/// `name: value`.
public struct Argument: Sendable {
    /// The argument's name.
    public var name: Name
    /// The argument's value.
    public var value: ValueNode
    /// Where the argument starts.
    public var location: SourceLocation
}

/// `...Name @d`.
public struct FragmentSpread: Sendable {
    /// The fragment's name.
    public var name: Name
    /// The directives applied to the spread.
    public var directives: [Directive]
    /// Where the spread starts.
    public var location: SourceLocation
}

/// `... on Type @d { … }`.
public struct InlineFragment: Sendable {
    /// The type condition, if any.
    public var typeCondition: Name?
    /// The directives applied to the fragment.
    public var directives: [Directive]
    /// The fragment's selections.
    public var selectionSet: SelectionSet
    /// Where the fragment starts.
    public var location: SourceLocation
}

/// `fragment Name on Type @d { … }`.
public struct FragmentDefinition: Sendable {
    /// The fragment's name.
    public var name: Name
    /// The type condition.
    public var typeCondition: Name
    /// The directives applied to the definition.
    public var directives: [Directive]
    /// The fragment's selections.
    public var selectionSet: SelectionSet
    /// Where the definition starts.
    public var location: SourceLocation
}

/// `@name(args)`.
public struct Directive: Sendable {
    /// The directive's name, without `@`.
    public var name: Name
    /// The arguments in source order.
    public var arguments: [Argument]
    /// Where the directive starts (at `@`).
    public var location: SourceLocation
}

/// A type written in a document: a name, a list of a type, or a non-null type.
public indirect enum TypeReference: Sendable {
    /// A named type.
    case named(Name)
    /// `[T]`.
    case list(TypeReference, SourceLocation)
    /// `T!`.
    case nonNull(TypeReference, SourceLocation)

    /// Where the type starts.
    public var location: SourceLocation {
        switch self {
        case .named(let name): return name.location
        case .list(_, let location), .nonNull(_, let location): return location
        }
    }

    /// The innermost named type.
    public var namedType: Name {
        switch self {
        case .named(let name): return name
        case .list(let inner, _), .nonNull(let inner, _): return inner.namedType
        }
    }
}
