/// The outcome of starting a subscription.
public enum SubscriptionResult: Sendable {
    /// The subscription started: one execution result per source event.
    case stream(AsyncThrowingStream<ExecutionResult, any Error>)
    /// The subscription could not start; the result holds the errors.
    case failure(ExecutionResult)
}

/// Starts a subscription: resolves the source stream of the single root field, then executes
/// the selection set once per event, with the event as root value.
/// - Parameters:
///   - schema: the schema the document was validated against.
///   - document: the parsed, validated document.
///   - request: the variables, operation name, root value and context.
///   - defaultResolver: resolves fields that have no resolver of their own.
/// - Returns: the stream of results, or the errors that prevented the start.
public func subscribe(
    schema: GraphQLSchema, document: Document, request: ExecutionRequest,
    defaultResolver: FieldResolver? = nil
) async -> SubscriptionResult {
    let prepared: PreparedOperation
    switch PreparedOperation.make(schema: schema, document: document, request: request) {
    case .success(let operation): prepared = operation
    case .failure(let failure): return .failure(ExecutionResult(data: nil, errors: failure.errors))
    }
    let executor = Executor(
        schema: schema, fragments: prepared.fragments, variables: prepared.variables,
        context: request.context, defaultResolver: defaultResolver)
    let source: AsyncThrowingStream<any Sendable, any Error>
    do {
        source = try await executor.sourceStream(prepared.operation, rootValue: request.rootValue)
    } catch {
        return .failure(ExecutionResult(data: nil, errors: [error]))
    }
    let (results, continuation) = AsyncThrowingStream<ExecutionResult, any Error>.makeStream()
    let task = Task {
        do {
            for try await event in source {
                let eventExecutor = Executor(
                    schema: schema, fragments: prepared.fragments, variables: prepared.variables,
                    context: request.context, defaultResolver: defaultResolver)
                continuation.yield(
                    await eventExecutor.executeOperation(prepared.operation, rootValue: event))
            }
            continuation.finish()
        } catch {
            continuation.finish(throwing: error)
        }
    }
    continuation.onTermination = { _ in task.cancel() }
    return .stream(results)
}

extension Executor {
    /// Calls the `subscribe` resolver of the operation's single root field.
    /// - Throws: `GraphQLError` located at the root field when it has no source or fails.
    func sourceStream(
        _ operation: OperationDefinition, rootValue: any Sendable
    )
        async throws(GraphQLError) -> AsyncThrowingStream<any Sendable, any Error>
    {
        guard operation.operation == .subscription, let root = schema.rootType(.subscription)
        else {
            throw GraphQLError(
                "The operation is not a subscription, or the schema has no subscriptions.",
                locations: [operation.location])
        }
        guard let field = try collectFields(root, operation.selectionSet).first,
            let definition = root.fields[field.nodes[0].name.value]
        else {
            throw GraphQLError(
                "The subscription selects no field.", locations: [operation.location])
        }
        let node = field.nodes[0]
        let path = ResponsePath(parent: nil, component: .key(field.responseKey))
        guard let subscribe = definition.subscribe else {
            throw GraphQLError(
                "The subscription field \"\(definition.name)\" has no event source.",
                locations: [node.location], path: path.components)
        }
        let arguments = try coerceArguments(definition.arguments, node.arguments, at: node.location)
        let info = ResolveInfo(
            fieldName: definition.name, parentTypeName: root.name, returnType: definition.type,
            variables: variables, responsePath: path)
        do {
            return try await subscribe(rootValue, arguments, context, info)
        } catch {
            record(error, field: field, path: path)
            throw errors.removeLast()
        }
    }
}

extension AsyncThrowingStream where Element == any Sendable, Failure == any Error {
    /// Wraps any sendable async sequence as the source stream a subscription field returns.
    /// - Parameter sequence: the events; its end or failure ends the subscription.
    public static func events<Events: AsyncSequence & Sendable>(_ sequence: Events) -> Self
    where Events.Element: Sendable {
        let (stream, continuation) = makeStream()
        let task = Task {
            do {
                for try await event in sequence { continuation.yield(event) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
