/// A value literal in a document, with its location.
public struct ValueNode: Sendable {
    /// The shape of a value literal.
    public indirect enum Kind: Sendable {
        /// `$name`.
        case variable(String)
        /// An integer literal, as written.
        case int(String)
        /// A float literal, as written.
        case float(String)
        /// A string; `block` tells whether it was written with triple quotes.
        case string(String, block: Bool)
        /// `true` or `false`.
        case boolean(Bool)
        /// `null`.
        case null
        /// An enum value name.
        case enumValue(String)
        /// `[…]`.
        case list([ValueNode])
        /// `{ name: value, … }`.
        case object([ObjectField])
    }

    /// The literal.
    public var kind: Kind
    /// Where the literal starts.
    public var location: SourceLocation
}

/// `name: value` inside an object literal.
public struct ObjectField: Sendable {
    /// The field's name.
    public var name: Name
    /// The field's value.
    public var value: ValueNode
    /// Where the field starts.
    public var location: SourceLocation
}
