/// A scalar type: a leaf with its own rules for output and input.
public final class GraphQLScalarType: Sendable {
    /// Turns a resolved value into its response form, or throws when it cannot.
    public typealias Serialize = @Sendable (any Sendable) throws -> JSON
    /// Checks and converts a value received as a variable.
    public typealias ParseValue = @Sendable (JSON) throws -> JSON
    /// Checks and converts a literal written in a document, given the operation's variables.
    public typealias ParseLiteral = @Sendable (ValueNode, JSONObject) throws -> JSON

    /// The type's name.
    public let name: String
    /// The type's description.
    public let description: String?
    /// A URL describing the scalar's behaviour (`@specifiedBy`).
    public let specifiedByURL: String?
    let serializeValue: Serialize
    let parseInput: ParseValue
    let parseInputLiteral: ParseLiteral

    /// Declares a scalar.
    /// - Parameters:
    ///   - name: the type's name.
    ///   - description: documentation shown by introspection.
    ///   - specifiedByURL: the URL of the scalar's specification.
    ///   - serialize: converts resolved values for the response.
    ///   - parseValue: checks variables; defaults to accepting any JSON.
    ///   - parseLiteral: checks literals; defaults to converting the literal to JSON.
    public init(
        _ name: String, description: String? = nil, specifiedByURL: String? = nil,
        serialize: @escaping Serialize = GraphQLScalarType.anyJSON,
        parseValue: @escaping ParseValue = { $0 },
        parseLiteral: @escaping ParseLiteral = { try JSON(literal: $0, variables: $1) }
    ) {
        self.name = name
        self.description = description
        self.specifiedByURL = specifiedByURL
        self.serializeValue = serialize
        self.parseInput = parseValue
        self.parseInputLiteral = parseLiteral
    }

    /// Serialises common Swift values as JSON: JSON itself, strings, numbers and booleans.
    public static let anyJSON: Serialize = { value in
        switch value {
        case let json as JSON: return json
        case let string as String: return .string(string)
        case let int as Int: return .int(int)
        case let double as Double: return .double(double)
        case let bool as Bool: return .bool(bool)
        case let object as JSONObject: return .object(object)
        default:
            throw GraphQLError("The value \(value) has no JSON form.", category: .execution)
        }
    }
}

extension JSON {
    /// Converts a literal to JSON without a type, resolving variables from `variables`.
    /// - Throws: `GraphQLError` when a number does not fit.
    public init(literal: ValueNode, variables: JSONObject) throws {
        switch literal.kind {
        case .variable(let name): self = variables[name] ?? .null
        case .int(let text):
            // Integers beyond 64 bits keep their magnitude as a double.
            self = Int(text).map(JSON.int) ?? .double(Double(text) ?? .nan)
        case .float(let text): self = .double(Double(text) ?? .nan)
        case .string(let text, _), .enumValue(let text): self = .string(text)
        case .boolean(let value): self = .bool(value)
        case .null: self = .null
        case .list(let items):
            self = .list(try items.map { try JSON(literal: $0, variables: variables) })
        case .object(let fields):
            var object = JSONObject()
            for field in fields {
                object[field.name.value] = try JSON(literal: field.value, variables: variables)
            }
            self = .object(object)
        }
    }
}
