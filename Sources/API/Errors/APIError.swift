import GraphQL
import Identity

/// An error as integrators see it: a message and a stable `extensions.code`, plus the field
/// issues of a refused input. Every internal error becomes one of these in
/// ``APIError/init(_:)``, the one place where outward codes are chosen.
public struct APIError: Error, Equatable, GraphQLReportableError {
    /// The stable codes of `extensions.code`.
    public enum Code: String, Sendable {
        /// No valid credentials.
        case unauthenticated = "UNAUTHENTICATED"
        /// Authenticated, but not allowed.
        case forbidden = "FORBIDDEN"
        /// The input is wrong; `issues` says where.
        case badUserInput = "BAD_USER_INPUT"
        /// No such thing (or not visible to the caller).
        case notFound = "NOT_FOUND"
        /// It exists already, or a concurrent change won.
        case conflict = "CONFLICT"
        /// Rate limited or locked out.
        case tooManyRequests = "TOO_MANY_REQUESTS"
        /// A failure on our side; details are in the server log only.
        case internalServerError = "INTERNAL_SERVER_ERROR"
    }

    /// The outward code.
    public var code: Code
    /// What to tell the caller; never internal details.
    public var message: String
    /// For BAD_USER_INPUT: each field at fault (`path`, `code`).
    public var issues: [(path: String, code: String)] = []
    /// For TOO_MANY_REQUESTS: seconds to wait.
    public var retryAfterSeconds: Int?

    /// Makes an error with its code and message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Equal when code, message, issues and retry delay are.
    public static func == (lhs: APIError, rhs: APIError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
            && lhs.issues.elementsEqual(rhs.issues) { $0 == $1 }
            && lhs.retryAfterSeconds == rhs.retryAfterSeconds
    }

    /// The message in the response.
    public var graphQLMessage: String { message }

    /// `code`, then `issues` or `retryAfter` when present.
    public var graphQLExtensions: JSONObject? {
        var extensions: JSONObject = ["code": .string(code.rawValue)]
        if !issues.isEmpty {
            extensions["issues"] = .list(
                issues.map { .object(["path": .string($0.path), "code": .string($0.code)]) })
        }
        if let retryAfterSeconds { extensions["retryAfter"] = .int(retryAfterSeconds) }
        return extensions
    }
}
