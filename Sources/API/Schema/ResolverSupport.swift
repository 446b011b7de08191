import GraphQL
import Identity

/// Small helpers shared by resolvers: reading arguments and the request context, and turning
/// module errors into ``APIError`` on the way out.
enum ResolverSupport {
    /// The request context every resolver receives.
    static func context(_ value: any Sendable) throws(APIError) -> RequestContext {
        guard let context = value as? RequestContext else {
            throw APIError(.internalServerError, "Internal error; it has been logged.")
        }
        return context
    }

    /// Runs `body`, converting identity errors to their outward form.
    static func identity<T>(_ body: () async throws(IdentityError) -> T) async throws(APIError) -> T
    {
        do {
            return try await body()
        } catch {
            throw APIError(error)
        }
    }
}

extension JSONObject {
    /// The integer argument `name` when it is 0 or more, nil when absent or null;
    /// BAD_USER_INPUT (`INVALID_VALUE`) for a negative one, saying it is `what`.
    func count(_ name: String, what: String) throws(APIError) -> UInt64? {
        guard case .int(let value)? = self[name] else { return nil }
        guard value >= 0 else {
            var error = APIError(.badUserInput, "\(name) is \(what) (0 or more).")
            error.issues = [(name, "INVALID_VALUE")]
            throw error
        }
        return UInt64(value)
    }

    /// The string argument `name`, or nil when absent or null.
    func string(_ name: String) -> String? {
        guard case .string(let value)? = self[name] else { return nil }
        return value
    }

    /// The input-object argument `name`, or an empty object.
    func object(_ name: String) -> JSONObject {
        guard case .object(let value)? = self[name] else { return JSONObject() }
        return value
    }

    /// The list-of-strings argument `name` (enum values arrive as strings), or nil.
    func strings(_ name: String) -> [String]? {
        guard case .list(let values)? = self[name] else { return nil }
        return values.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }
}
