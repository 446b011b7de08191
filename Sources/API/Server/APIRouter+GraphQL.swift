import GraphQL
import HTTP
import Identity
import Ledger

extension APIRouter {
    /// Authenticates, rate-limits, then runs GraphQL. Returns the metric label and answer.
    ///
    /// A valid token is limited on its own bucket; anonymous requests and requests whose
    /// token fails are limited per client host, so inventing tokens buys no extra requests.
    func graphQL(_ request: HTTPRequest) async -> (String, HTTPResponse) {
        let media = ResponseMediaType.negotiate(accept: request.headers["Accept"]) ?? .json
        let bearer = request.headers["Authorization"]
        let identity = await authenticate(bearer)
        let key: String
        if case .success(.some) = identity, let bearer {
            key = "token:" + bearer
        } else {
            key = "ip:" + request.remoteHost
        }
        let decision = rateLimiter?.take(key, now: Timestamp.now())
        var (label, response): (String, HTTPResponse)
        if let decision, !decision.allowed {
            label = "rate-limited"
            response = GraphQLEndpoint.errorResponse(
                429, "Too many requests; retry in \(decision.retryAfterSeconds) s.",
                code: APIError.Code.tooManyRequests.rawValue, media: media)
            response.headers.add(name: "Retry-After", value: String(decision.retryAfterSeconds))
        } else {
            (label, response) = await run(request, as: identity, media: media)
        }
        if let decision {
            response.headers.add(name: "X-RateLimit-Limit", value: String(decision.limit))
            response.headers.add(name: "X-RateLimit-Remaining", value: String(decision.remaining))
            response.headers.add(name: "X-RateLimit-Reset", value: String(decision.resetSeconds))
        }
        return (label, response)
    }

    /// Runs the request for the authenticated user (or anonymously), at most once per
    /// `Idempotency-Key`, or answers 401.
    private func run(
        _ request: HTTPRequest, as identity: Result<String?, APIError>, media: ResponseMediaType
    ) async -> (String, HTTPResponse) {
        switch identity {
        case .success(let userId):
            let context = RequestContext(
                userId: userId, remoteAddress: request.remoteHost, requestId: request.id)
            if let subscriptions, SubscriptionEndpoint.wantsEventStream(request) {
                switch eventStreamChoice(request, media: media) {
                case .stream:
                    let response = EventStreamResponder.response(
                        request, context: context, endpoint: subscriptions)
                    return ("graphql-sse", response)
                case .refuse(let response):
                    return ("invalid", response)
                case .plain:
                    break
                }
            }
            return await idempotently(request, userId: userId, media: media) {
                let (response, label) = await endpoint.handle(request, context: context)
                return (label, response)
            }
        case .failure(let error):
            var response = GraphQLEndpoint.errorResponse(
                401, error.message, code: error.code.rawValue, media: media)
            response.headers.add(name: "WWW-Authenticate", value: "Bearer")
            return ("unauthenticated", response)
        }
    }

    /// How a request asking for an event stream is answered: as a stream, except a mutation
    /// sent with GET (refused with 405, as without the stream) and a mutation sent with an
    /// `Idempotency-Key`, whose first answer is recorded and replayed, which a stream cannot
    /// be: it gets the plain answer when `Accept` also allows one, else 406.
    private func eventStreamChoice(
        _ request: HTTPRequest, media: ResponseMediaType
    ) -> EventStreamChoice {
        let keyed = request.headers[IdempotencyKey.header] != nil
        guard request.method != "POST" || keyed, endpoint.asksForMutation(request) else {
            return .stream
        }
        if request.method != "POST" {
            var response = GraphQLEndpoint.errorResponse(
                405, "Only queries and subscriptions may be sent with GET; use POST.",
                code: APIError.Code.badUserInput.rawValue, media: media)
            response.headers.add(name: "Allow", value: "POST")
            return .refuse(response)
        }
        guard ResponseMediaType.negotiate(accept: request.headers["Accept"]) != nil else {
            return .refuse(
                GraphQLEndpoint.errorResponse(
                    406,
                    "A mutation with an Idempotency-Key is answered as JSON, to be replayed: "
                        + "accept application/json.",
                    code: APIError.Code.badUserInput.rawValue, media: media))
        }
        return .plain
    }

    /// What ``eventStreamChoice(_:media:)`` decided.
    private enum EventStreamChoice {
        case stream
        case plain
        case refuse(HTTPResponse)
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
