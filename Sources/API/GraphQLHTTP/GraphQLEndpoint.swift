import GraphQL
import HTTP
import Logging

/// GraphQL over HTTP: reads the operations, runs them, and chooses the status code by the
/// response's media type (GraphQL-over-HTTP specification, as its audit list checks).
struct GraphQLEndpoint: Sendable {
    let schema: GraphQLSchema
    let limits: Limits
    let logger: Logger
    let documents = DocumentCache()

    /// The outcome of one operation: its result, the status it calls for, its metric label.
    struct Outcome {
        var result: ExecutionResult
        var status: Int
        var label: String
        var allow: String?
    }

    /// Answers `request` for the authenticated (or anonymous) `context`; the label names the
    /// operation for metrics (`query:me`, `mutation:signup`, `invalid`).
    func handle(_ request: HTTPRequest, context: RequestContext) async -> (HTTPResponse, String) {
        guard let media = ResponseMediaType.negotiate(accept: request.headers["Accept"]) else {
            return (
                Self.plain(406, "Accept application/graphql-response+json or application/json."),
                "invalid"
            )
        }
        let read: (operations: [GraphQLRequestParameters], batched: Bool)
        do {
            read = try GraphQLRequestParameters.read(request)
        } catch {
            var response = Self.errorResponse(error.status, error.message, media: media)
            if let allow = error.allow { response.headers.add(name: "Allow", value: allow) }
            return (response, "invalid")
        }
        var outcomes: [Outcome] = []
        for parameters in read.operations {
            outcomes.append(
                await run(
                    parameters, isGET: request.method == "GET", media: media, context: context))
        }
        for index in outcomes.indices {
            outcomes[index].result = OutwardErrors.apply(
                to: outcomes[index].result, logger: logger, requestId: context.requestId)
        }
        return (Self.response(outcomes, batched: read.batched, media: media), outcomes[0].label)
    }

    /// Parses, validates and executes one operation.
    private func run(
        _ parameters: GraphQLRequestParameters, isGET: Bool, media: ResponseMediaType,
        context: RequestContext
    ) async -> Outcome {
        let requestError = media == .graphQLResponse ? 400 : 200
        let document: Document
        switch checkedDocument(parameters.query) {
        case .success(let valid): document = valid
        case .failure(let refusal):
            return Outcome(
                result: ExecutionResult(data: nil, errors: refusal.errors), status: requestError,
                label: "invalid")
        }
        let operation = Self.operation(in: document, named: parameters.operationName)
        let label = operation.map(Self.label) ?? "invalid"
        if isGET, let operation, operation.operation != .query {
            return Outcome(
                result: ExecutionResult(
                    data: nil,
                    errors: [
                        GraphQLError(
                            "Only queries may be sent with GET; use POST.",
                            extensions: ["code": .string(APIError.Code.badUserInput.rawValue)])
                    ]),
                status: 405, label: label, allow: "POST")
        }
        let result = await execute(
            schema: schema, document: document,
            request: ExecutionRequest(
                source: parameters.query, variables: parameters.variables,
                operationName: parameters.operationName, context: context))
        return Outcome(
            result: result, status: result.data == nil ? requestError : 200, label: label)
    }

    /// Errors that make a document unusable: syntax, validation or limits.
    struct DocumentErrors: Error {
        var errors: [GraphQLError]
    }

    /// The parsed and validated document for `source`, from the cache when seen before.
    func checkedDocument(_ source: String) -> Result<Document, DocumentErrors> {
        if let cached = documents.document(for: source) { return .success(cached) }
        let document: Document
        do {
            document = try parse(source, limits: limits)
        } catch {
            return .failure(DocumentErrors(errors: [error]))
        }
        let problems = validate(schema: schema, document: document, limits: limits)
        if !problems.isEmpty { return .failure(DocumentErrors(errors: problems)) }
        documents.store(document, for: source)
        return .success(document)
    }

    /// The operation that will run: the named one, or the only one.
    static func operation(in document: Document, named name: String?) -> OperationDefinition? {
        let operations = document.operations
        if let name { return operations.first { $0.name?.value == name } }
        return operations.count == 1 ? operations[0] : nil
    }

    /// `type:firstRootField`, bounded by the schema, for metric labels.
    static func label(_ operation: OperationDefinition) -> String {
        let first = operation.selectionSet.selections.lazy.compactMap { selection -> String? in
            if case .field(let field) = selection { return field.name.value }
            return nil
        }.first
        return "\(operation.operation.rawValue):\(first ?? "fragment")"
    }
}
