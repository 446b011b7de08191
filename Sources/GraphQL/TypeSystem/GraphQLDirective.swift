/// A directive a schema accepts, such as `@skip` or `@deprecated`.
public struct GraphQLDirective: Sendable {
    /// The directive's name, without `@`.
    public let name: String
    /// The directive's description.
    public let description: String?
    /// Where the directive may appear.
    public let locations: [DirectiveLocation]
    /// The directive's arguments.
    public let arguments: [GraphQLInputValue]
    /// Whether the directive may appear more than once at one location.
    public let isRepeatable: Bool

    /// Declares a directive.
    public init(
        _ name: String, description: String? = nil, locations: [DirectiveLocation],
        arguments: [GraphQLInputValue] = [], isRepeatable: Bool = false
    ) {
        self.name = name
        self.description = description
        self.locations = locations
        self.arguments = arguments
        self.isRepeatable = isRepeatable
    }

    /// `@include(if:)`: keeps a selection only when the argument is true.
    public static let include = GraphQLDirective(
        "include", description: "Keeps the selection only when `if` is true.",
        locations: [.field, .fragmentSpread, .inlineFragment],
        arguments: [
            GraphQLInputValue("if", type: .nonNull("Boolean"), description: "Keep when true.")
        ])

    /// `@skip(if:)`: drops a selection when the argument is true.
    public static let skip = GraphQLDirective(
        "skip", description: "Drops the selection when `if` is true.",
        locations: [.field, .fragmentSpread, .inlineFragment],
        arguments: [
            GraphQLInputValue("if", type: .nonNull("Boolean"), description: "Drop when true.")
        ])

    /// The reason `@deprecated` gives when none is written.
    public static let defaultDeprecationReason = "No longer supported"

    /// `@deprecated(reason:)`: marks a schema element as on its way out.
    public static let deprecated = GraphQLDirective(
        "deprecated", description: "Marks an element of the schema as no longer to be used.",
        locations: [.fieldDefinition, .argumentDefinition, .inputFieldDefinition, .enumValue],
        arguments: [
            GraphQLInputValue(
                "reason", type: "String", description: "Why, and what to use instead.",
                defaultValue: .string(defaultDeprecationReason))
        ])

    /// `@specifiedBy(url:)`: links a custom scalar to its specification.
    public static let specifiedBy = GraphQLDirective(
        "specifiedBy", description: "Names the URL where a custom scalar's behaviour is defined.",
        locations: [.scalar],
        arguments: [
            GraphQLInputValue("url", type: .nonNull("String"), description: "The specification.")
        ])

    /// `@oneOf`: an input object of which exactly one field must be given.
    public static let oneOf = GraphQLDirective(
        "oneOf", description: "Requires exactly one field of the input object, not null.",
        locations: [.inputObject])

    /// The directives every schema has.
    public static let specified: [GraphQLDirective] = [
        include, skip, deprecated, specifiedBy, oneOf,
    ]
}
