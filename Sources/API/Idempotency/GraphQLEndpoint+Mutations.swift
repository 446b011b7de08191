import GraphQL
import HTTP

extension GraphQLEndpoint {
    /// Whether answering `request` would execute a mutation: the `Accept` header negotiates,
    /// the parameters read, and one of the operations is a valid mutation. A request refused
    /// before execution runs nothing, so it needs no idempotency record. Valid documents go
    /// to the cache, so the endpoint's own pass does not parse them again.
    func mutates(_ request: HTTPRequest) -> Bool {
        ResponseMediaType.negotiate(accept: request.headers["Accept"]) != nil
            && asksForMutation(request)
    }

    /// Whether the parameters of `request` read and one of its operations is a valid
    /// mutation, whatever media type it asks for.
    func asksForMutation(_ request: HTTPRequest) -> Bool {
        guard let read = try? GraphQLRequestParameters.read(request) else { return false }
        return read.operations.contains { parameters in
            guard case .success(let document) = checkedDocument(parameters.query) else {
                return false
            }
            let operation = Self.operation(in: document, named: parameters.operationName)
            return operation?.operation == .mutation
        }
    }
}
