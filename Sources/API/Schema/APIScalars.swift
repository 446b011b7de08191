import GraphQL
import Ledger

/// The API's own scalar implementations, more lenient than the engine's where integrations
/// need it.
enum APIScalars {
    /// `DateTime` as Trackdéchets integrations send it: an RFC 3339 date-time, a date-time
    /// without offset (UTC), or a plain date (midnight UTC), with or without fractional
    /// seconds (see ``DateTimeText``). Inputs reach resolvers in our canonical form
    /// (`2024-01-05T00:00:00.000000Z`); output strings, which resolvers write in that form,
    /// pass unchanged once checked.
    static let dateTime = GraphQLScalarType(
        "DateTime",
        description: "A date and time in UTC; inputs may also be a date or omit the offset.",
        specifiedByURL: "https://datatracker.ietf.org/doc/html/rfc3339",
        serialize: { value in
            let text: String? =
                switch value {
                case let string as String: string
                case JSON.string(let string) as JSON: string
                default: nil
                }
            guard let text, DateTimeText.microseconds(text) != nil else {
                throw GraphQLError(
                    "DateTime cannot represent \(value).", category: .execution)
            }
            return .string(text)
        },
        parseValue: { value in
            guard case .string(let text) = value, let canonical = canonical(text) else {
                throw GraphQLError(
                    "DateTime needs a date (2024-01-05) or a date and time "
                        + "(2024-01-05T10:00:00Z), not \(value.jsonText).",
                    category: .coercion)
            }
            return .string(canonical)
        },
        parseLiteral: { literal, _ in
            guard case .string(let text, _) = literal.kind, let canonical = canonical(text) else {
                throw GraphQLError(
                    "DateTime needs a date (2024-01-05) or a date and time "
                        + "(2024-01-05T10:00:00Z) in a string.",
                    category: .coercion)
            }
            return .string(canonical)
        })

    /// `text` rewritten as `yyyy-MM-ddTHH:mm:ss.ffffffZ`; nil when it is no accepted form.
    static func canonical(_ text: String) -> String? {
        DateTimeText.microseconds(text).map(Timestamp.format)
    }
}
