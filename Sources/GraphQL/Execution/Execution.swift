/// Options of one request.
public struct ExecutionRequest: Sendable {
    /// The document text.
    public var source: String
    /// The raw variable values, as received.
    public var variables: JSONObject
    /// The operation to run when the document has several.
    public var operationName: String?
    /// The value the root fields resolve on.
    public var rootValue: any Sendable
    /// The per-request context handed to every resolver.
    public var context: any Sendable

    /// Creates a request.
    public init(
        source: String, variables: JSONObject = JSONObject(), operationName: String? = nil,
        rootValue: any Sendable = JSON.null, context: any Sendable = JSON.null
    ) {
        self.source = source
        self.variables = variables
        self.operationName = operationName
        self.rootValue = rootValue
        self.context = context
    }
}

/// Parses, validates and executes a request: the usual entry point of a server.
/// - Parameters:
///   - schema: the schema to run against.
///   - request: the document, variables, operation name, root value and context.
///   - limits: the limits the document must respect.
///   - defaultResolver: resolves fields that have no resolver of their own.
/// - Returns: the result; syntax, validation and limit errors come back with no data.
public func graphql(
    schema: GraphQLSchema, request: ExecutionRequest, limits: Limits = Limits(),
    defaultResolver: FieldResolver? = nil
) async -> ExecutionResult {
    let document: Document
    do {
        document = try parse(request.source, limits: limits)
    } catch {
        return ExecutionResult(data: nil, errors: [error])
    }
    let problems = validate(schema: schema, document: document, limits: limits)
    if !problems.isEmpty { return ExecutionResult(data: nil, errors: problems) }
    return await execute(
        schema: schema, document: document, request: request, defaultResolver: defaultResolver)
}

/// Executes a validated document.
/// - Parameters:
///   - schema: the schema the document was validated against.
///   - document: the parsed, validated document.
///   - request: the variables, operation name, root value and context (its source is ignored).
///   - defaultResolver: resolves fields that have no resolver of their own.
/// - Returns: the result, with errors for invalid variables or failed fields.
public func execute(
    schema: GraphQLSchema, document: Document, request: ExecutionRequest,
    defaultResolver: FieldResolver? = nil
) async -> ExecutionResult {
    let prepared: PreparedOperation
    switch PreparedOperation.make(schema: schema, document: document, request: request) {
    case .success(let operation): prepared = operation
    case .failure(let failure): return ExecutionResult(data: nil, errors: failure.errors)
    }
    let executor = Executor(
        schema: schema, fragments: prepared.fragments, variables: prepared.variables,
        context: request.context, defaultResolver: defaultResolver)
    // Root fields run one after another in every operation, which is the serial order
    // mutations require and a valid order for queries.
    return await executor.executeOperation(prepared.operation, rootValue: request.rootValue)
}

/// Errors that stop a request before execution starts.
struct RequestErrors: Error {
    let errors: [GraphQLError]
}

/// The operation chosen from a document, with its fragments and coerced variables.
struct PreparedOperation {
    let operation: OperationDefinition
    let fragments: [String: FragmentDefinition]
    let variables: JSONObject

    static func make(
        schema: GraphQLSchema, document: Document, request: ExecutionRequest
    )
        -> Result<PreparedOperation, RequestErrors>
    {
        let operations = document.operations
        let operation: OperationDefinition
        if let name = request.operationName {
            guard let found = operations.first(where: { $0.name?.value == name }) else {
                return .failure(
                    RequestErrors(errors: [
                        GraphQLError("The document has no operation named \"\(name)\".")
                    ]))
            }
            operation = found
        } else {
            guard operations.count == 1 else {
                let message =
                    operations.isEmpty
                    ? "The document holds no operation to run."
                    : "The document holds several operations: name the one to run."
                return .failure(RequestErrors(errors: [GraphQLError(message)]))
            }
            operation = operations[0]
        }
        var fragments: [String: FragmentDefinition] = [:]
        for fragment in document.fragments where fragments[fragment.name.value] == nil {
            fragments[fragment.name.value] = fragment
        }
        let coercion = ValueCoercion(types: schema.types)
        switch coercion.coerceVariables(operation.variableDefinitions, request.variables) {
        case .success(let variables):
            return .success(
                PreparedOperation(operation: operation, fragments: fragments, variables: variables))
        case .failure(let failure):
            return .failure(failure)
        }
    }
}
