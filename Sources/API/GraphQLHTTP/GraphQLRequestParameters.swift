import GraphQL
import HTTP

/// The parameters of one GraphQL operation sent over HTTP.
struct GraphQLRequestParameters {
    var query: String
    var operationName: String?
    var variables: JSONObject
    var extensions: JSONObject

    /// Why a request is not a well-formed GraphQL-over-HTTP request, with its status code.
    struct Refusal: Error {
        var status: Int
        var message: String
        var allow: String?
    }

    /// The largest batch (an array of operations in one POST).
    static let maximumBatch = 5

    /// The operations of `request`: one for GET and for a POSTed object, several for a POSTed
    /// array. `batched` says whether the answer must be an array.
    static func read(_ request: HTTPRequest) throws(Refusal) -> (operations: [Self], batched: Bool)
    {
        switch request.method {
        case "GET": return ([try fromQueryString(request)], false)
        case "POST": return try fromBody(request)
        default: throw Refusal(status: 405, message: "Use GET or POST.", allow: "GET, POST")
        }
    }

    private static func fromQueryString(_ request: HTTPRequest) throws(Refusal) -> Self {
        func decoded(_ name: String) throws(Refusal) -> JSON? {
            guard let text = request.queryValue(name), !text.isEmpty else { return nil }
            do {
                return try JSON.parse(text)
            } catch {
                throw Refusal(status: 400, message: "The \(name) parameter is not JSON.")
            }
        }
        var object: JSONObject = [:]
        if let query = request.queryValue("query") { object["query"] = .string(query) }
        if let name = request.queryValue("operationName"), !name.isEmpty {
            object["operationName"] = .string(name)
        }
        if let variables = try decoded("variables") { object["variables"] = variables }
        if let extensions = try decoded("extensions") { object["extensions"] = extensions }
        return try make(object)
    }

    private static func fromBody(_ request: HTTPRequest) throws(Refusal) -> ([Self], Bool) {
        let type = request.headers["Content-Type"]?.split(separator: ";").first
            .map { String($0).trimmingWhitespace.lowercased() }
        guard let type else {
            throw Refusal(status: 415, message: "Send Content-Type: application/json.")
        }
        guard type == "application/json" || type == "application/graphql+json" else {
            throw Refusal(
                status: 415, message: "Content-Type \(type) is not supported; use application/json."
            )
        }
        guard !request.body.isEmpty else {
            throw Refusal(status: 400, message: "The request body is empty.")
        }
        let body: JSON
        do {
            body = try JSON.parse(String(decoding: request.body, as: UTF8.self))
        } catch {
            throw Refusal(status: 400, message: "The request body is not valid JSON.")
        }
        switch body {
        case .object(let object): return ([try make(object)], false)
        case .list(let items) where (1...maximumBatch).contains(items.count):
            var operations: [Self] = []
            for item in items {
                guard case .object(let object) = item else {
                    throw Refusal(status: 400, message: "Each batched operation must be an object.")
                }
                operations.append(try make(object))
            }
            return (operations, true)
        case .list:
            throw Refusal(status: 400, message: "A batch holds 1 to \(maximumBatch) operations.")
        default:
            throw Refusal(status: 400, message: "The body must be a JSON object.")
        }
    }

    /// Checks each parameter's JSON type; `null` means absent, unknown keys are ignored.
    private static func make(_ object: JSONObject) throws(Refusal) -> Self {
        guard case .string(let query)? = object["query"] else {
            throw Refusal(status: 400, message: "The query parameter must be a string.")
        }
        var parameters = Self(query: query, operationName: nil, variables: [:], extensions: [:])
        switch object["operationName"] {
        case nil, .null?: break
        case .string(let name)?: parameters.operationName = name
        default: throw Refusal(status: 400, message: "operationName must be a string or null.")
        }
        switch object["variables"] {
        case nil, .null?: break
        case .object(let variables)?: parameters.variables = variables
        default: throw Refusal(status: 400, message: "variables must be an object or null.")
        }
        switch object["extensions"] {
        case nil, .null?: break
        case .object(let extensions)?: parameters.extensions = extensions
        default: throw Refusal(status: 400, message: "extensions must be an object or null.")
        }
        return parameters
    }
}
