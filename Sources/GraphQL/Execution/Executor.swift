/// Runs one operation of a validated document against a schema.
///
/// Fields resolve one after another in document order (see docs/graphql-engine.md for why);
/// the executor is confined to the task that runs it and is never shared.
final class Executor {
    let schema: GraphQLSchema
    let fragments: [String: FragmentDefinition]
    let variables: JSONObject
    let context: any Sendable
    let defaultResolver: FieldResolver?
    let coercion: ValueCoercion
    var errors: [GraphQLError] = []

    /// Thrown when a null reaches a non-null position; the error is already recorded.
    struct NullPropagation: Error {}

    init(
        schema: GraphQLSchema, fragments: [String: FragmentDefinition], variables: JSONObject,
        context: any Sendable, defaultResolver: FieldResolver?
    ) {
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.context = context
        self.defaultResolver = defaultResolver
        self.coercion = ValueCoercion(types: schema.types)
    }

    /// Executes the operation's root selection set on `rootValue`.
    nonisolated(nonsending) func executeOperation(
        _ operation: OperationDefinition, rootValue: any Sendable
    ) async
        -> ExecutionResult
    {
        guard let root = schema.rootType(operation.operation) else {
            let error = GraphQLError(
                "The schema does not support \(operation.operation.rawValue) operations.",
                locations: [operation.location], category: .execution)
            return ExecutionResult(data: nil, errors: [error])
        }
        var json: JSONObject?
        if case .object(let object)? = rootValue as? JSON { json = object }
        do {
            let fields = FieldPlan(try collectFields(root, operation.selectionSet))
            let data = try await executeFields(
                root, source: rootValue, json: json, path: nil, fields: fields)
            return ExecutionResult(data: .object(data), errors: errors)
        } catch let error as GraphQLError {
            // Only collecting the root fields throws this: a directive argument was null.
            return ExecutionResult(data: .null, errors: errors + [error])
        } catch {
            return ExecutionResult(data: .null, errors: errors)
        }
    }

    /// Executes fields in order; a `NullPropagation` from a non-null field nulls the whole
    /// object. `json` is the source when it is a JSON object, which allows the fast lane.
    nonisolated(nonsending) func executeFields(
        _ type: GraphQLObjectType, source: any Sendable, json: JSONObject?, path: ResponsePath?,
        fields plan: FieldPlan
    ) async throws -> JSONObject {
        var values: [JSON] = []
        values.reserveCapacity(plan.fields.count)
        var skipped = false
        for field in plan.fields {
            let value: JSON?
            if let json, defaultResolver == nil, let key = field.jsonKey {
                value = try await executeFromJSON(field, key: key, in: json, parent: path)
            } else {
                value = try await executeField(type, source: source, field: field, parent: path)
            }
            if let value { values.append(value) } else { skipped = true }
        }
        guard skipped else { return JSONObject(keys: plan.keys, values: values) }
        // Fields the type lacks produce nothing; pair the keys that remain.
        var result = JSONObject(capacity: values.count)
        var next = 0
        for field in plan.fields
        where field.definition != nil || field.nodes[0].name.value == "__typename" {
            result.appendUnchecked(field.responseKey, values[next])
            next += 1
        }
        return result
    }

    /// The fast lane for one field: reads `key` from the JSON parent and completes it.
    nonisolated(nonsending) func executeFromJSON(
        _ field: CollectedField, key: String, in json: JSONObject, parent path: ResponsePath?
    ) async throws -> JSON {
        if field.hasArguments, let failure = argumentFailure(field) {
            // Arguments are checked even though no resolver reads them.
            record(
                failure, field: field,
                path: ResponsePath(parent: path, component: .key(field.responseKey)))
            if field.outputType.isNonNull { throw NullPropagation() }
            return .null
        }
        let hint = field.keyHint
        var child = JSON.null
        if let found = json.index(forKey: key, hint: hint) {
            if found != hint { field.keyHint = found }
            child = json.values[found]
        }
        if field.isLeaf {
            // Leaves need no awaiting: complete them synchronously.
            return try completeLeaf(field.outputType, field: field, parent: path, index: nil, child)
        }
        return try await completeFromJSON(
            field.outputType, field: field, parent: path, index: nil, child)
    }

    /// The error coercing a field's arguments would raise, if any.
    func argumentFailure(_ field: CollectedField) -> GraphQLError? {
        let node = field.nodes[0]
        do {
            _ = try coerceArguments(
                field.definition?.arguments ?? [], node.arguments, at: node.location)
            return nil
        } catch {
            return error
        }
    }

    /// Resolves and completes one field; returns nil for fields the type does not have.
    nonisolated(nonsending) func executeField(
        _ type: GraphQLObjectType, source: any Sendable, field: CollectedField,
        parent: ResponsePath?
    ) async throws -> JSON? {
        let node = field.nodes[0]
        let name = node.name.value
        if name == "__typename" { return .string(type.name) }
        guard let definition = field.definition else { return nil }
        let path = ResponsePath(parent: parent, component: .key(field.responseKey))
        let info = ResolveInfo(
            fieldName: name, parentTypeName: type.name, returnType: definition.type,
            variables: variables, responsePath: path, fieldNodes: field.nodes,
            fragments: fragments)
        do {
            let arguments = try coerceArguments(
                definition.arguments, node.arguments, at: node.location)
            let resolved: (any Sendable)?
            if let resolve = definition.resolve ?? defaultResolver {
                resolved = try await resolve(source, arguments, context, info)
            } else {
                resolved = Executor.defaultResolve(source, name)
            }
            return try await complete(
                definition.type, field: field, info: info, path: path, resolved)
        } catch is NullPropagation {
            if definition.type.isNonNull { throw NullPropagation() }
            return .null
        } catch {
            record(error, field: field, path: path)
            if definition.type.isNonNull { throw NullPropagation() }
            return .null
        }
    }

    /// Adds an error located at the field, keeping locations the error already names.
    func record(_ error: any Error, field: CollectedField, path: ResponsePath) {
        var located: GraphQLError
        switch error {
        case let graphQLError as GraphQLError: located = graphQLError
        case let reportable as GraphQLReportableError:
            located = GraphQLError(
                reportable.graphQLMessage, extensions: reportable.graphQLExtensions)
        default: located = GraphQLError("\(error)")
        }
        if located.locations.isEmpty { located.locations = field.nodes.map(\.location) }
        located.path = path.components
        errors.append(located)
    }

    /// Reads a field from a JSON object or a dictionary parent; anything else gives null.
    static func defaultResolve(_ source: any Sendable, _ name: String) -> (any Sendable)? {
        switch source {
        case let json as JSON:
            guard case .object(let object) = json else { return nil }
            return object[name]
        case let object as JSONObject: return object[name]
        case let dictionary as [String: any Sendable]: return dictionary[name]
        default: return nil
        }
    }

    /// `__schema` and `__type`, which only the query root type has.
    func metaField(_ name: String, on type: GraphQLObjectType) -> GraphQLField? {
        guard name.hasPrefix("__"), type.name == schema.queryType else { return nil }
        let schema = self.schema
        switch name {
        case "__schema":
            return GraphQLField("__schema", type: .nonNull("__Schema")) { _, _, _, _ in
                SchemaRoot(schema: schema)
            }
        case "__type":
            return GraphQLField(
                "__type", type: "__Type",
                arguments: [GraphQLInputValue("name", type: .nonNull("String"))]
            ) { _, arguments, _, _ in
                guard case .string(let name)? = arguments["name"], schema.types[name] != nil else {
                    return nil
                }
                return Introspection.typeNode(.named(name), schema)
            }
        default: return nil
        }
    }
}
