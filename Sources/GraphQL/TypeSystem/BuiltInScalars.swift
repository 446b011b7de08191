/// The scalars every schema has: Int, Float, String, Boolean and ID.
enum BuiltInScalars {
    static let all: [GraphQLScalarType] = [int, float, string, boolean, id]
    static let names: Set<String> = ["Int", "Float", "String", "Boolean", "ID"]

    static func failure(_ message: String) -> GraphQLError {
        GraphQLError(message, category: .coercion)
    }

    /// A JSON number or a Swift number as a Double, excluding booleans.
    static func number(_ value: any Sendable) -> Double? {
        switch value {
        case let int as Int: return Double(int)
        case let double as Double: return double
        case let json as JSON:
            if case .int(let int) = json { return Double(int) }
            if case .double(let double) = json { return double }
            return nil
        default: return nil
        }
    }

    static func text(_ value: any Sendable) -> String? {
        if let string = value as? String { return string }
        if case .string(let string) = value as? JSON { return string }
        return nil
    }

    static func boolValue(_ value: any Sendable) -> Bool? {
        if let bool = value as? Bool { return bool }
        if case .bool(let bool) = value as? JSON { return bool }
        return nil
    }

    static func int32(_ number: Double, _ shown: Any) throws -> JSON {
        guard number.isFinite, number.rounded() == number else {
            throw failure("Int needs a whole number, not \(shown).")
        }
        guard number >= -2_147_483_648 && number <= 2_147_483_647 else {
            throw failure("Int holds 32-bit whole numbers; \(shown) is out of range.")
        }
        return .int(Int(number))
    }

    static let int = GraphQLScalarType(
        "Int",
        description: "A whole number that fits in 32 bits, with its sign.",
        serialize: { value in
            if let bool = boolValue(value) { return .int(bool ? 1 : 0) }
            if let number = number(value) { return try int32(number, value) }
            if let text = text(value), let number = Double(text) { return try int32(number, text) }
            throw failure("Int needs a whole number, not \(value).")
        },
        parseValue: { value in
            guard let number = number(value) else {
                throw failure("Int needs a whole number, not \(value.jsonText).")
            }
            return try int32(number, value.jsonText)
        },
        parseLiteral: { literal, _ in
            guard case .int(let text) = literal.kind, let number = Double(text) else {
                throw failure("Int needs a whole number.")
            }
            return try int32(number, text)
        })

    static let float = GraphQLScalarType(
        "Float",
        description: "A signed number with a fractional part, held as an IEEE 754 double.",
        serialize: { value in
            if let bool = boolValue(value) { return .double(bool ? 1 : 0) }
            if let number = number(value) ?? text(value).flatMap(Double.init), number.isFinite {
                return .double(number)
            }
            throw failure("Float needs a finite number, not \(value).")
        },
        parseValue: { value in
            guard let number = number(value), number.isFinite else {
                throw failure("Float needs a finite number, not \(value.jsonText).")
            }
            return .double(number)
        },
        parseLiteral: { literal, _ in
            switch literal.kind {
            case .int(let text), .float(let text):
                if let number = Double(text) { return .double(number) }
            default: break
            }
            throw failure("Float needs a number.")
        })

    static let string = GraphQLScalarType(
        "String",
        description: "Text, sent as UTF-8.",
        serialize: { value in
            if let text = text(value) { return .string(text) }
            if let bool = boolValue(value) { return .string(bool ? "true" : "false") }
            if let int = value as? Int { return .string(String(int)) }
            if case .int(let int) = value as? JSON { return .string(String(int)) }
            if let number = number(value), number.isFinite { return .string(String(number)) }
            throw failure("String cannot show \(value).")
        },
        parseValue: { value in
            guard case .string = value else {
                throw failure("String needs text, not \(value.jsonText).")
            }
            return value
        },
        parseLiteral: { literal, _ in
            guard case .string(let text, _) = literal.kind else {
                throw failure("String needs text.")
            }
            return .string(text)
        })

    static let boolean = GraphQLScalarType(
        "Boolean", description: "Either true or false.",
        serialize: { value in
            if let bool = boolValue(value) { return .bool(bool) }
            if let number = number(value), number.isFinite { return .bool(number != 0) }
            throw failure("Boolean needs true or false, not \(value).")
        },
        parseValue: { value in
            guard case .bool = value else {
                throw failure("Boolean needs true or false, not \(value.jsonText).")
            }
            return value
        },
        parseLiteral: { literal, _ in
            guard case .boolean(let bool) = literal.kind else {
                throw failure("Boolean needs true or false.")
            }
            return .bool(bool)
        })

    static let id = GraphQLScalarType(
        "ID",
        description: "An opaque identifier, sent as a string; as input, a string or an integer.",
        serialize: { value in
            if let text = text(value) { return .string(text) }
            if let number = number(value), number.rounded() == number, abs(number) < 1e18 {
                return .string(String(Int(number)))
            }
            throw failure("ID needs a string or an integer, not \(value).")
        },
        parseValue: { value in
            switch value {
            case .string: return value
            case .int(let int): return .string(String(int))
            case .double(let double) where double.rounded() == double && abs(double) < 1e18:
                return .string(String(Int(double)))
            default: throw failure("ID needs a string or an integer, not \(value.jsonText).")
            }
        },
        parseLiteral: { literal, _ in
            switch literal.kind {
            case .string(let text, _), .int(let text): return .string(text)
            default: throw failure("ID needs a string or an integer.")
            }
        })
}
