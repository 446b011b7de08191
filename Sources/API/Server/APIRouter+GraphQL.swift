import GraphQL
import HTTP
import Identity
import Ledger

extension APIRouter {
    /// Rate-limits, authenticates, then runs GraphQL. Returns the metric label and answer.
    func graphQL(_ request: HTTPRequest) async -> (String, HTTPResponse) {
        let media = ResponseMediaType.negotiate(accept: request.headers["Accept"]) ?? .json
        let bearer = request.headers["Authorization"]
        let key = bearer.map { "token:" + $0 } ?? "ip:" + request.remoteHost
        let decision = rateLimiter?.take(key, now: Timestamp.now())
        var (label, response): (String, HTTPResponse)
        if let decision, !decision.allowed {
            label = "rate-limited"
            response = GraphQLEndpoint.errorResponse(
                429, "Too many requests; retry in \(decision.retryAfterSeconds) s.",
                code: APIError.Code.tooManyRequests.rawValue, media: media)
            response.headers.add(name: "Retry-After", value: String(decision.retryAfterSeconds))
        } else {
            (label, response) = await authenticatedGraphQL(request, bearer: bearer, media: media)
        }
        if let decision {
            response.headers.add(name: "X-RateLimit-Limit", value: String(decision.limit))
            response.headers.add(name: "X-RateLimit-Remaining", value: String(decision.remaining))
            response.headers.add(name: "X-RateLimit-Reset", value: String(decision.resetSeconds))
        }
        return (label, response)
    }

    private func authenticatedGraphQL(
        _ request: HTTPRequest, bearer: String?, media: ResponseMediaType
    ) async -> (String, HTTPResponse) {
        switch await authenticate(bearer) {
        case .success(let userId):
            let context = RequestContext(
                userId: userId, remoteAddress: request.remoteHost, requestId: request.id)
            let (response, label) = await endpoint.handle(request, context: context)
            return (label, response)
        case .failure(let error):
            var response = GraphQLEndpoint.errorResponse(
                401, error.message, code: error.code.rawValue, media: media)
            response.headers.add(name: "WWW-Authenticate", value: "Bearer")
            return ("unauthenticated", response)
        }
    }

    /// The user behind `Authorization: Bearer …`; nil for a request without the header.
    private func authenticate(_ header: String?) async -> Result<String?, APIError> {
        guard let header else { return .success(nil) }
        guard header.hasPrefix("Bearer "), header.count > 7 else {
            return .failure(APIError(.unauthenticated, "Use Authorization: Bearer <token>."))
        }
        do {
            return .success(try await identity.verify(bearer: header))
        } catch {
            logger.debug("Authentication refused", metadata: ["auth.failure": "\(error)"])
            return .failure(APIError(error))
        }
    }
}
