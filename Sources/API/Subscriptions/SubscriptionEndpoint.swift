import GraphQL
import HTTP
import Identity
import Logging

/// GraphQL over streaming transports on the GraphQL path: `graphql-transport-ws` over a
/// WebSocket upgrade, and graphql-sse (distinct connections) for requests that accept
/// `text/event-stream`. It starts operations for both, with the HTTP endpoint's document
/// cache and limits, and the API's outward errors.
struct SubscriptionEndpoint: Sendable {
    /// The subprotocol spoken over WebSocket.
    static let subprotocol = "graphql-transport-ws"

    let endpoint: GraphQLEndpoint
    let identity: IdentityService
    let logger: Logger
    /// How long a WebSocket client has to send an accepted `connection_init`.
    let initTimeout: Duration

    /// The WebSocket upgrade for a request that asks for one, else nil.
    func upgrade(_ request: HTTPRequest) -> HTTPResponse? {
        guard request.method == "GET",
            request.headers["Upgrade"]?.lowercased().contains("websocket") == true
        else { return nil }
        let endpoint = self
        return .webSocket(
            WebSocketUpgrade(
                subprotocols: [Self.subprotocol],
                unmatchedSubprotocol: .close(
                    code: TransportWSCloseCode.subprotocolNotAcceptable,
                    reason: "Subprotocol not acceptable"),
                maxMessageBytes: min(endpoint.endpoint.limits.maxDocumentBytes, 1 << 22) + 65_536,
                handler: { connection in
                    await TransportWSSession(endpoint: endpoint, connection: connection).run()
                }))
    }

    /// Whether the request asks for Server-Sent Events.
    static func wantsEventStream(_ request: HTTPRequest) -> Bool {
        request.headers["Accept"]?.lowercased().contains("text/event-stream") ?? false
    }

    /// Starts `request` for `context`; `tracker` is told of each result the transport sends.
    func start(
        _ request: TransportWSRequest, context: RequestContext, tracker: DeliveryTracker
    ) async -> SubscriptionRun {
        let document: Document
        switch endpoint.checkedDocument(request.query) {
        case .success(let valid): document = valid
        case .failure(let refusal): return .refused(outward(refusal.errors, context))
        }
        let execution = ExecutionRequest(
            source: request.query, variables: request.variables,
            operationName: request.operationName, rootValue: tracker, context: context)
        let operation = GraphQLEndpoint.operation(in: document, named: request.operationName)
        guard operation?.operation == .subscription else {
            let result = await execute(
                schema: endpoint.schema, document: document, request: execution)
            return .single(outward(result, context))
        }
        switch await subscribe(schema: endpoint.schema, document: document, request: execution) {
        case .failure(let result):
            return .refused(outward(result.errors, context))
        case .stream(let results):
            return .stream(outward(results, context))
        }
    }

    /// The user behind a bearer token (`Bearer …` or the bare token); nil when refused.
    func user(token: String) async -> String? {
        let bearer = token.hasPrefix("Bearer ") ? token : "Bearer " + token
        do {
            return try await identity.verify(bearer: bearer)
        } catch {
            logger.debug(
                "Subscription authentication refused", metadata: ["auth.failure": "\(error)"])
            return nil
        }
    }

    /// How a stream that threw `error` ends on `graphql-transport-ws`.
    enum StreamFailure: Equatable {
        /// The operation's own error (a GraphQL error, or one the API reports, such as
        /// TOO_MANY_REQUESTS for a subscriber too slow): an `error` message ends it.
        case operation([JSON])
        /// The server failed (the log or a projection could not be read): the protocol's
        /// answer is closing the connection with 4500; the details go to the log only.
        case internalFailure
    }

    /// What the end of a stream by `error` is for the client.
    func streamFailure(_ error: any Error, _ context: RequestContext) -> StreamFailure {
        guard Self.isOperationError(error) else {
            logger.error(
                "Subscription stream failed",
                metadata: ["request.id": context.requestId, "subscription.error": "\(error)"])
            return .internalFailure
        }
        return .operation(streamError(error, context))
    }

    /// Whether `error` belongs to the operation (reported on it) rather than to the server.
    static func isOperationError(_ error: any Error) -> Bool {
        error is any GraphQLReportableError || error is GraphQLError
    }

    /// An error that ended a stream, as the JSON errors of an `error` message.
    func streamError(_ error: any Error, _ context: RequestContext) -> [JSON] {
        let graphQLError: GraphQLError
        if let reportable = error as? any GraphQLReportableError {
            graphQLError = GraphQLError(
                reportable.graphQLMessage, extensions: reportable.graphQLExtensions)
        } else if let known = error as? GraphQLError {
            graphQLError = known
        } else {
            graphQLError = GraphQLError("\(error)")
        }
        return outward([graphQLError], context)
    }

    private func outward(_ errors: [GraphQLError], _ context: RequestContext) -> [JSON] {
        errors.map { OutwardErrors.outward($0, logger: logger, requestId: context.requestId).json }
    }

    private func outward(
        _ results: AsyncThrowingStream<ExecutionResult, any Error>, _ context: RequestContext
    ) -> AsyncThrowingStream<JSON, any Error> {
        let (stream, continuation) = AsyncThrowingStream<JSON, any Error>.makeStream()
        let logger = self.logger
        let task = Task {
            do {
                for try await result in results {
                    continuation.yield(
                        OutwardErrors.apply(
                            to: result, logger: logger, requestId: context.requestId
                        )
                        .json)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    private func outward(_ result: ExecutionResult, _ context: RequestContext) -> JSON {
        OutwardErrors.apply(to: result, logger: logger, requestId: context.requestId).json
    }
}
