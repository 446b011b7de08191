import GraphQL
import HTTP

/// graphql-sse in distinct-connections mode: one operation per request, answered with
/// `Content-Type: text/event-stream`; each result is an `event: next` whose data is the
/// result's JSON, and the end is an `event: complete` with an empty data line. Errors that
/// stop the operation before it starts are a `next` too, as the protocol asks.
enum EventStreamResponder {
    /// The streamed answer for `request` (parameters as for GraphQL over HTTP).
    static func response(
        _ request: HTTPRequest, context: RequestContext, endpoint: SubscriptionEndpoint
    ) -> HTTPResponse {
        let parameters: GraphQLRequestParameters
        do {
            let read = try GraphQLRequestParameters.read(request)
            guard !read.batched, let first = read.operations.first else {
                return HTTPResponse(status: 400, text: "Send one operation per event stream.\n")
            }
            parameters = first
        } catch {
            var response = HTTPResponse(status: error.status, text: error.message + "\n")
            if let allow = error.allow { response.headers.add(name: "Allow", value: allow) }
            return response
        }
        let operation = TransportWSRequest(
            query: parameters.query, operationName: parameters.operationName,
            variables: parameters.variables)
        let source = EventStreamSource(endpoint: endpoint, operation: operation, context: context)
        return .stream(
            status: 200,
            headers: [
                "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache",
                "X-Accel-Buffering": "no",
            ],
            body: AsyncStream(unfolding: { await source.nextChunk() }))
    }

    /// One event's bytes.
    static func event(_ name: String, _ data: String) -> [UInt8] {
        Array("event: \(name)\ndata: \(data)\n\n".utf8)
    }
}

/// Produces the chunks of one event stream on demand: the HTTP layer asks for the next chunk
/// once it has written the previous one, which is when a result counts as delivered.
actor EventStreamSource {
    let endpoint: SubscriptionEndpoint
    let operation: TransportWSRequest
    let context: RequestContext
    private let tracker = DeliveryTracker()
    private var results: AsyncThrowingStream<JSON, any Error>.Iterator?
    private var started = false
    private var ended = false
    private var resultPending = false

    /// Prepares the stream of `operation` for `context`.
    init(endpoint: SubscriptionEndpoint, operation: TransportWSRequest, context: RequestContext) {
        self.endpoint = endpoint
        self.operation = operation
        self.context = context
    }

    /// The next chunk, or nil after `complete`.
    func nextChunk() async -> [UInt8]? {
        if resultPending {
            tracker.delivered()
            resultPending = false
        }
        if ended { return nil }
        if !started {
            started = true
            switch await endpoint.start(operation, context: context, tracker: tracker) {
            case .refused(let errors):
                return finish(after: ["errors": .list(errors)])
            case .single(let result):
                return finish(after: result)
            case .stream(let stream):
                results = stream.makeAsyncIterator()
            }
        }
        return await nextResult()
    }

    private func nextResult() async -> [UInt8]? {
        guard var iterator = results else { return complete() }
        do {
            let result = try await iterator.next(isolation: self)
            results = iterator
            guard let result else { return complete() }
            resultPending = true
            return EventStreamResponder.event("next", result.jsonText)
        } catch {
            let errors = endpoint.streamError(error, context)
            return finish(after: ["errors": .list(errors)])
        }
    }

    /// A last `next` with `result`, then `complete`.
    private func finish(after result: JSON) -> [UInt8] {
        EventStreamResponder.event("next", result.jsonText) + complete()
    }

    private func complete() -> [UInt8] {
        ended = true
        results = nil
        return EventStreamResponder.event("complete", "")
    }
}
