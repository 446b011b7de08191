extension Executor {
    /// Turns a resolved value into its response form according to the field's type.
    nonisolated(nonsending) func complete(
        _ type: GraphQLType, field: CollectedField, info: ResolveInfo, path: ResponsePath,
        _ value: (any Sendable)?
    ) async throws -> JSON {
        switch type {
        case .nonNull(let inner):
            let completed = try await complete(inner, field: field, info: info, path: path, value)
            if completed.isNull {
                throw GraphQLError(
                    "The non-null field \(info.parentTypeName).\(info.fieldName) resolved to null."
                )
            }
            return completed
        case .list(let inner):
            guard let value = Executor.unwrap(value) else { return .null }
            return try await completeList(inner, field: field, info: info, path: path, value)
        case .named(let name):
            guard let value = Executor.unwrap(value) else { return .null }
            return try await completeNamed(name, field: field, info: info, path: path, value)
        }
    }

    /// The value, or nil for Swift nil and JSON null.
    static func unwrap(_ value: (any Sendable)?) -> (any Sendable)? {
        guard let value else { return nil }
        if let json = value as? JSON {
            // Not a ternary: `nil` there would be read as the JSON null literal.
            if json.isNull { return nil }
            return json
        }
        // An optional boxed inside the existential, such as an element of `[Int?]`.
        if let optional = value as? any OptionalValue, optional.isNone { return nil }
        return value
    }

    nonisolated(nonsending) private func completeList(
        _ itemType: GraphQLType, field: CollectedField, info: ResolveInfo, path: ResponsePath,
        _ value: any Sendable
    ) async throws -> JSON {
        let items: [any Sendable]
        switch value {
        case let json as JSON:
            guard case .list(let list) = json else { throw notIterable(info) }
            items = list
        case let array as [any Sendable]: items = array
        default: throw notIterable(info)
        }
        var result: [JSON] = []
        result.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            let itemPath = ResponsePath(parent: path, component: .index(position))
            do {
                result.append(
                    try await complete(itemType, field: field, info: info, path: itemPath, item))
            } catch is NullPropagation {
                if itemType.isNonNull { throw NullPropagation() }
                result.append(.null)
            } catch {
                record(error, field: field, path: itemPath)
                if itemType.isNonNull { throw NullPropagation() }
                result.append(.null)
            }
        }
        return .list(result)
    }

    private func notIterable(_ info: ResolveInfo) -> GraphQLError {
        GraphQLError(
            "The list field \"\(info.parentTypeName).\(info.fieldName)\""
                + " resolved to something that is not a list."
        )
    }

    nonisolated(nonsending) private func completeNamed(
        _ name: String, field: CollectedField, info: ResolveInfo, path: ResponsePath,
        _ value: any Sendable
    ) async throws -> JSON {
        switch field.namedType {
        case .scalar(let scalar)?:
            return try scalar.serializeValue(value)
        case .enumeration(let enumeration)?:
            guard let serialized = enumeration.serialize(value) else {
                throw GraphQLError("The enum \"\(name)\" has no value \(value).")
            }
            return .string(serialized)
        case .object(let object)?:
            return .object(try await completeObject(object, field: field, path: path, value))
        case .interface?, .union?:
            let object = try await resolveAbstract(name, field: field, value)
            return .object(try await completeObject(object, field: field, path: path, value))
        case .inputObject?, nil:
            throw GraphQLError("The type \(name) cannot be an output.")
        }
    }

    nonisolated(nonsending) func completeObject(
        _ type: GraphQLObjectType, field: CollectedField, path: ResponsePath, _ value: any Sendable
    ) async throws -> JSONObject {
        if let isTypeOf = type.isTypeOf, !isTypeOf(value) {
            throw GraphQLError("The value \(value) is not of type \"\(type.name)\".")
        }
        var json: JSONObject?
        if case .object(let object)? = value as? JSON { json = object }
        return try await executeFields(
            type, source: value, json: json, path: path, fields: try collectSubfields(type, field))
    }

    /// Finds the object type of a value of an abstract type.
    nonisolated(nonsending) func resolveAbstract(
        _ name: String, field: CollectedField, _ value: any Sendable
    )
        async throws -> GraphQLObjectType
    {
        var resolved: String?
        switch schema.types[name] {
        case .interface(let interface)?: resolved = try await interface.resolveType?(value, context)
        case .union(let union)?: resolved = try await union.resolveType?(value, context)
        default: break
        }
        if resolved == nil { resolved = typename(of: value) }
        if resolved == nil {
            resolved = schema.possibleTypes(of: name).first { candidate in
                guard case .object(let object)? = schema.types[candidate] else { return false }
                return object.isTypeOf?(value) ?? false
            }
        }
        guard let resolved else {
            throw GraphQLError(
                "No object type could be chosen for a value of abstract type \"\(name)\" in field "
                    + "\"\(field.parentTypeName).\(field.nodes[0].name.value)\":"
                    + " give \(name) a type resolver, "
                    + "the value a __typename, or its possible types an isTypeOf check.")
        }
        guard case .object(let object)? = schema.types[resolved],
            schema.isSubtype(resolved, of: name)
        else {
            throw GraphQLError(
                "The object type \"\(resolved)\" chosen at run time"
                    + " is not a possible type of \"\(name)\"."
            )
        }
        return object
    }

    /// The `__typename` entry of a JSON or dictionary value.
    private func typename(of value: any Sendable) -> String? {
        switch Executor.defaultResolve(value, "__typename") {
        case let name as String: return name
        case let json as JSON:
            if case .string(let name) = json { return name }
            return nil
        default: return nil
        }
    }
}

/// Lets the executor see through optionals boxed inside `any Sendable`; dynamic casts of a
/// boxed `.some` already reach the wrapped value.
protocol OptionalValue {
    /// Whether this is `.none`.
    var isNone: Bool { get }
}

extension Optional: OptionalValue {
    var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}
