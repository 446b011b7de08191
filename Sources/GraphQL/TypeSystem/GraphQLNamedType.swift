/// A named type of a schema.
public enum GraphQLNamedType: Sendable {
    /// A leaf with custom serialisation.
    case scalar(GraphQLScalarType)
    /// An object with fields.
    case object(GraphQLObjectType)
    /// An abstract type with fields, implemented by objects and interfaces.
    case interface(GraphQLInterfaceType)
    /// An abstract type that is one of several objects.
    case union(GraphQLUnionType)
    /// A leaf with a closed set of values.
    case enumeration(GraphQLEnumType)
    /// A structured input.
    case inputObject(GraphQLInputObjectType)

    /// The type's name.
    public var name: String {
        switch self {
        case .scalar(let type): return type.name
        case .object(let type): return type.name
        case .interface(let type): return type.name
        case .union(let type): return type.name
        case .enumeration(let type): return type.name
        case .inputObject(let type): return type.name
        }
    }

    /// The type's description.
    public var description: String? {
        switch self {
        case .scalar(let type): return type.description
        case .object(let type): return type.description
        case .interface(let type): return type.description
        case .union(let type): return type.description
        case .enumeration(let type): return type.description
        case .inputObject(let type): return type.description
        }
    }

    /// The fields of an object or interface, else nil.
    var fields: FieldMap? {
        switch self {
        case .object(let type): return type.fields
        case .interface(let type): return type.fields
        default: return nil
        }
    }

    /// Whether values of this type are leaves (scalars and enums).
    var isLeaf: Bool {
        switch self {
        case .scalar, .enumeration: return true
        default: return false
        }
    }

    /// Whether this type may appear in input positions.
    var isInput: Bool {
        switch self {
        case .scalar, .enumeration, .inputObject: return true
        default: return false
        }
    }

    /// Whether this type may appear as a field's output.
    var isOutput: Bool {
        if case .inputObject = self { return false }
        return true
    }

    /// Whether this type is an object, interface or union.
    var isComposite: Bool {
        switch self {
        case .object, .interface, .union: return true
        default: return false
        }
    }

    /// Whether this type is an interface or union.
    var isAbstract: Bool {
        switch self {
        case .interface, .union: return true
        default: return false
        }
    }

    /// The introspection kind, such as `OBJECT`.
    var kindName: String {
        switch self {
        case .scalar: return "SCALAR"
        case .object: return "OBJECT"
        case .interface: return "INTERFACE"
        case .union: return "UNION"
        case .enumeration: return "ENUM"
        case .inputObject: return "INPUT_OBJECT"
        }
    }
}

/// Fields in declaration order with lookup by name.
public struct FieldMap: Sendable {
    /// The fields in declaration order.
    public let ordered: [GraphQLField]
    private let index: [String: Int]

    /// Creates a map; later duplicates of a name are ignored.
    public init(_ fields: [GraphQLField]) {
        var index: [String: Int] = [:]
        var ordered: [GraphQLField] = []
        for field in fields where index[field.name] == nil {
            index[field.name] = ordered.count
            ordered.append(field)
        }
        self.ordered = ordered
        self.index = index
    }

    /// The field with this name.
    public subscript(name: String) -> GraphQLField? {
        guard let position = index[name] else { return nil }
        return ordered[position]
    }
}
