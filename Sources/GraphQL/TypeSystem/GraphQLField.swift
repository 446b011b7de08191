/// Resolves one field: receives the parent value, the coerced arguments, the request's
/// context and information about the field, and returns the field's value.
public typealias FieldResolver =
    @Sendable (
        _ source: any Sendable, _ arguments: JSONObject, _ context: any Sendable,
        _ info: ResolveInfo
    ) async throws -> (any Sendable)?

/// Produces the event stream of a subscription field; each event becomes the root value of
/// one execution of the subscription's selection set.
public typealias SubscriptionSourceResolver =
    @Sendable (
        _ source: any Sendable, _ arguments: JSONObject, _ context: any Sendable,
        _ info: ResolveInfo
    ) async throws -> AsyncThrowingStream<any Sendable, any Error>

/// A field of an object or interface type.
public final class GraphQLField: Sendable {
    /// The field's name.
    public let name: String
    /// The field's description.
    public let description: String?
    /// The field's output type.
    public let type: GraphQLType
    /// The field's arguments, in declaration order.
    public let arguments: [GraphQLInputValue]
    /// Why the field is deprecated, or nil when it is not.
    public let deprecationReason: String?
    /// Computes the field's value; nil uses the default resolver, which reads the parent.
    public let resolve: FieldResolver?
    /// For subscription root fields: the source stream of events.
    public let subscribe: SubscriptionSourceResolver?

    /// Declares a field.
    /// - Parameters:
    ///   - name: the field's name.
    ///   - type: the output type.
    ///   - description: documentation shown by introspection.
    ///   - arguments: the arguments, in order.
    ///   - deprecationReason: set to deprecate the field.
    ///   - resolve: computes the value; when nil the parent's entry of the same name is used.
    ///   - subscribe: the event stream, for subscription fields.
    public init(
        _ name: String, type: GraphQLType, description: String? = nil,
        arguments: [GraphQLInputValue] = [], deprecationReason: String? = nil,
        resolve: FieldResolver? = nil, subscribe: SubscriptionSourceResolver? = nil
    ) {
        self.name = name
        self.description = description
        self.type = type
        self.arguments = arguments
        self.deprecationReason = deprecationReason
        self.resolve = resolve
        self.subscribe = subscribe
    }

    /// The argument with this name.
    func argument(_ name: String) -> GraphQLInputValue? {
        arguments.first { $0.name == name }
    }
}

/// An argument of a field or directive, or a field of an input object.
public struct GraphQLInputValue: Sendable {
    /// The name.
    public let name: String
    /// The description.
    public let description: String?
    /// The input type.
    public let type: GraphQLType
    /// The coerced default value, or nil when there is none.
    public let defaultValue: JSON?
    /// Why the input is deprecated, or nil when it is not.
    public let deprecationReason: String?

    /// Declares an argument or input field.
    public init(
        _ name: String, type: GraphQLType, description: String? = nil,
        defaultValue: JSON? = nil, deprecationReason: String? = nil
    ) {
        self.name = name
        self.description = description
        self.type = type
        self.defaultValue = defaultValue
        self.deprecationReason = deprecationReason
    }
}

/// What a resolver knows about the field it resolves.
public struct ResolveInfo: Sendable {
    /// The field's name in the schema.
    public let fieldName: String
    /// The parent object type's name.
    public let parentTypeName: String
    /// The field's declared type.
    public let returnType: GraphQLType
    /// The coerced variables of the operation.
    public let variables: JSONObject
    let responsePath: ResponsePath
    /// The field's nodes in the document (several when the same key is selected twice).
    var fieldNodes: [Field] = []
    /// The document's fragments, to follow the spreads in the field's selection.
    var fragments: [String: FragmentDefinition] = [:]

    /// The response path of the field.
    public var path: [PathComponent] { responsePath.components }

    /// The names of the fields selected on this field's value, through fragments, whatever
    /// their type conditions and directives: a resolver may leave out of its value what is
    /// not named here, which is never read.
    public var selectedFieldNames: Set<String> {
        var names = Set<String>()
        var visited = Set<String>()
        func collect(_ set: SelectionSet) {
            for selection in set.selections {
                switch selection {
                case .field(let field): names.insert(field.name.value)
                case .inlineFragment(let fragment): collect(fragment.selectionSet)
                case .fragmentSpread(let spread):
                    guard visited.insert(spread.name.value).inserted,
                        let definition = fragments[spread.name.value]
                    else { continue }
                    collect(definition.selectionSet)
                }
            }
        }
        for node in fieldNodes {
            if let set = node.selectionSet { collect(set) }
        }
        return names
    }
}
