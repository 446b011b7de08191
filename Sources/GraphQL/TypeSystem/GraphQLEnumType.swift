/// An enum type: a leaf whose values are a closed set of names.
public final class GraphQLEnumType: Sendable {
    /// The type's name.
    public let name: String
    /// The type's description.
    public let description: String?
    /// The values, in declaration order.
    public let values: [GraphQLEnumValue]

    /// Declares an enum type.
    public init(_ name: String, description: String? = nil, values: [GraphQLEnumValue]) {
        self.name = name
        self.description = description
        self.values = values
    }

    /// The value with this name.
    func value(named name: String) -> GraphQLEnumValue? {
        values.first { $0.name == name }
    }

    /// The name to show for a resolved value, or nil when the value is not one of ours.
    func serialize(_ resolved: any Sendable) -> String? {
        let candidate: String?
        switch resolved {
        case let string as String: candidate = string
        case let json as JSON:
            if case .string(let string) = json { candidate = string } else { candidate = nil }
        default: candidate = nil
        }
        guard let candidate, value(named: candidate) != nil else { return nil }
        return candidate
    }
}

/// One value of an enum type.
public struct GraphQLEnumValue: Sendable {
    /// The value's name.
    public let name: String
    /// The value's description.
    public let description: String?
    /// Why the value is deprecated, or nil when it is not.
    public let deprecationReason: String?

    /// Declares an enum value.
    public init(_ name: String, description: String? = nil, deprecationReason: String? = nil) {
        self.name = name
        self.description = description
        self.deprecationReason = deprecationReason
    }
}
