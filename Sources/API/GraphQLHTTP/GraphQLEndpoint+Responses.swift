import GraphQL
import HTTP

extension GraphQLEndpoint {
    /// One result, or an array for a batch (answered 200: each element carries its own
    /// errors); a single operation's answer carries the status it called for.
    static func response(
        _ outcomes: [Outcome], batched: Bool, media: ResponseMediaType
    ) -> HTTPResponse {
        let text: String
        let status: Int
        if batched {
            text = JSON.list(outcomes.map(\.result.json)).jsonText
            status = 200
        } else {
            text = outcomes[0].result.json.jsonText
            status = outcomes[0].status
        }
        var headers: HTTPHeaders = ["Content-Type": media.contentType]
        if !batched, let allow = outcomes[0].allow { headers.add(name: "Allow", value: allow) }
        return HTTPResponse(status: status, headers: headers, body: Array(text.utf8))
    }

    /// A request-level error in GraphQL's response shape (no `data`).
    static func errorResponse(
        _ status: Int, _ message: String, code: String? = nil, media: ResponseMediaType
    ) -> HTTPResponse {
        var error: JSONObject = ["message": .string(message)]
        if let code { error["extensions"] = .object(["code": .string(code)]) }
        let body = JSON.object(["errors": .list([.object(error)])]).jsonText
        return HTTPResponse(
            status: status, headers: ["Content-Type": media.contentType], body: Array(body.utf8))
    }

    static func plain(_ status: Int, _ message: String) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: ["Content-Type": "text/plain; charset=utf-8"],
            body: Array(message.utf8))
    }
}
