import GraphQL
import Logging

/// Gives every error of a response one of the API's codes, and hides what an integrator must
/// not see: errors a resolver did not choose to report are logged and replaced by a generic
/// INTERNAL_SERVER_ERROR. With ``APIError/init(_:)`` this is the one place where outward
/// codes are decided.
enum OutwardErrors {
    /// The errors of `result` as integrators see them.
    static func apply(
        to result: ExecutionResult, logger: Logger, requestId: String
    ) -> ExecutionResult {
        var result = result
        result.errors = result.errors.map { outward($0, logger: logger, requestId: requestId) }
        return result
    }

    static func outward(_ error: GraphQLError, logger: Logger, requestId: String) -> GraphQLError {
        var error = error
        var extensions = error.extensions ?? [:]
        let reported = extensions["code"].flatMap { code -> String? in
            if case .string(let text) = code { return text }
            return nil
        }
        switch error.category {
        case .syntax, .validation, .coercion, .limit:
            // A limit's own code (TOO_DEEP, …) stays, as the reason.
            if let reported { extensions["reason"] = .string(reported) }
            extensions["code"] = .string(APIError.Code.badUserInput.rawValue)
        case .execution, .schema:
            if let reported, APIError.Code(rawValue: reported) != nil { break }
            logger.error(
                "Unreported resolver failure",
                metadata: ["request.id": requestId, "graphql.error": error.message])
            error.message = "Internal error; it has been logged (request \(requestId))."
            extensions = ["code": .string(APIError.Code.internalServerError.rawValue)]
        }
        error.extensions = extensions
        return error
    }
}
