/// The code a schema written in SDL needs at run time: resolvers, type resolvers, subscription
/// sources and scalar implementations, each found by type and field name.
public struct SchemaResolvers: Sendable {
    /// Field resolvers by type name, then field name.
    public var fields: [String: [String: FieldResolver]]
    /// Subscription sources by subscription field name.
    public var subscriptions: [String: SubscriptionSourceResolver]
    /// Type resolvers for interfaces and unions, by type name.
    public var typeResolvers: [String: TypeResolver]
    /// Implementations of custom scalars by name; unlisted scalars pass JSON through.
    public var scalars: [String: GraphQLScalarType]

    /// Creates resolvers; everything is optional.
    public init(
        fields: [String: [String: FieldResolver]] = [:],
        subscriptions: [String: SubscriptionSourceResolver] = [:],
        typeResolvers: [String: TypeResolver] = [:],
        scalars: [String: GraphQLScalarType] = [:]
    ) {
        self.fields = fields
        self.subscriptions = subscriptions
        self.typeResolvers = typeResolvers
        self.scalars = scalars
    }
}
