/// The fast lane: completing values read straight from JSON sources without resolvers, so that
/// no resolver context, type cast or boxing is needed per field.
extension Executor {
    /// Completes a field's JSON value, recording errors at the field like `executeField` does.
    nonisolated(nonsending) func completeFromJSON(
        _ type: GraphQLType, field: CollectedField, parent: ResponsePath?, index: Int?,
        _ json: JSON
    ) async throws -> JSON {
        do {
            return try await completeJSON(type, field: field, parent: parent, index: index, json)
        } catch is NullPropagation {
            if type.isNonNull { throw NullPropagation() }
            return .null
        } catch {
            record(
                error, field: field,
                path: ResponsePath(parent: parent, component: Executor.pathKey(field, index)))
            if type.isNonNull { throw NullPropagation() }
            return .null
        }
    }

    nonisolated(nonsending) private func completeJSON(
        _ type: GraphQLType, field: CollectedField, parent: ResponsePath?, index: Int?,
        _ json: JSON
    ) async throws -> JSON {
        switch type {
        case .nonNull(let inner):
            let completed = try await completeJSON(
                inner, field: field, parent: parent, index: index, json)
            if completed.isNull {
                throw Self.nullInNonNull(field)
            }
            return completed
        case _ where json.isNull:
            return .null
        case .list(let inner):
            guard case .list(let items) = json else {
                throw Self.notAList(field)
            }
            let path = ResponsePath(parent: parent, component: Executor.pathKey(field, index))
            var result: [JSON] = []
            result.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                result.append(
                    try await completeFromJSON(
                        inner, field: field, parent: path, index: index, item))
            }
            return .list(result)
        case .named:
            return try await completeNamedJSON(field: field, parent: parent, index: index, json)
        }
    }

    nonisolated(nonsending) private func completeNamedJSON(
        field: CollectedField, parent: ResponsePath?, index: Int?, _ json: JSON
    ) async throws -> JSON {
        switch field.namedType {
        case .scalar(let scalar)?:
            return try Executor.serialize(json, as: scalar)
        case .enumeration(let enumeration)?:
            guard case .string(let name) = json, enumeration.value(named: name) != nil else {
                throw GraphQLError(
                    "The enum \"\(enumeration.name)\" has no value \(json.jsonText).")
            }
            return json
        case .object(let object)?:
            let path = ResponsePath(parent: parent, component: Executor.pathKey(field, index))
            return .object(try await completeJSONObject(object, field: field, path: path, json))
        case .interface(let abstract)?:
            let object = try await resolveAbstract(abstract.name, field: field, json)
            let path = ResponsePath(parent: parent, component: Executor.pathKey(field, index))
            return .object(try await completeObject(object, field: field, path: path, json))
        case .union(let abstract)?:
            let object = try await resolveAbstract(abstract.name, field: field, json)
            let path = ResponsePath(parent: parent, component: Executor.pathKey(field, index))
            return .object(try await completeObject(object, field: field, path: path, json))
        case .inputObject?, nil:
            throw GraphQLError("The field \(field.responseKey) has no output type.")
        }
    }

    /// Completes a JSON value of an object type without boxing it for a type check, unless the
    /// type has an `isTypeOf` check to run.
    nonisolated(nonsending) private func completeJSONObject(
        _ type: GraphQLObjectType, field: CollectedField, path: ResponsePath, _ json: JSON
    ) async throws -> JSONObject {
        guard type.isTypeOf == nil else {
            return try await completeObject(type, field: field, path: path, json)
        }
        var object: JSONObject?
        if case .object(let entries) = json { object = entries }
        return try await executeFields(
            type, source: json, json: object, path: path,
            fields: try collectSubfields(type, field))
    }

    /// Completes a JSON value whose named type is a scalar or enum, recording errors at the
    /// field; the synchronous twin of `completeFromJSON` for the common case.
    func completeLeaf(
        _ type: GraphQLType, field: CollectedField, parent: ResponsePath?, index: Int?,
        _ json: JSON
    ) throws -> JSON {
        do {
            return try completeLeafValue(type, field: field, parent: parent, index: index, json)
        } catch is NullPropagation {
            if type.isNonNull { throw NullPropagation() }
            return .null
        } catch {
            record(
                error, field: field,
                path: ResponsePath(parent: parent, component: Executor.pathKey(field, index)))
            if type.isNonNull { throw NullPropagation() }
            return .null
        }
    }

    private func completeLeafValue(
        _ type: GraphQLType, field: CollectedField, parent: ResponsePath?, index: Int?,
        _ json: JSON
    ) throws -> JSON {
        switch type {
        case .nonNull(let inner):
            let completed = try completeLeafValue(
                inner, field: field, parent: parent, index: index, json)
            if completed.isNull {
                throw Self.nullInNonNull(field)
            }
            return completed
        case _ where json.isNull:
            return .null
        case .list(let inner):
            guard case .list(let items) = json else {
                throw Self.notAList(field)
            }
            let path = ResponsePath(parent: parent, component: Executor.pathKey(field, index))
            var result: [JSON] = []
            result.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                result.append(
                    try completeLeaf(inner, field: field, parent: path, index: index, item))
            }
            return .list(result)
        case .named:
            switch field.namedType {
            case .scalar(let scalar)?:
                return try Executor.serialize(json, as: scalar)
            case .enumeration(let enumeration)?:
                guard case .string(let name) = json, enumeration.value(named: name) != nil else {
                    throw GraphQLError(
                        "The enum \"\(enumeration.name)\" has no value \(json.jsonText).")
                }
                return json
            default:
                throw GraphQLError("The field \(field.responseKey) is not a leaf.")
            }
        }
    }

    /// The path component of a field (`index` nil) or of a list item.
    static func pathKey(_ field: CollectedField, _ index: Int?) -> PathComponent {
        index.map(PathComponent.index) ?? .key(field.responseKey)
    }

    /// Serialises JSON for the built-in scalars without boxing it; other scalars get the value
    /// through their own serialiser.
    static func serialize(_ json: JSON, as scalar: GraphQLScalarType) throws -> JSON {
        switch json {
        case .string where scalar === BuiltInScalars.string || scalar === BuiltInScalars.id:
            return json
        case .int(let value) where scalar === BuiltInScalars.int:
            if value >= -2_147_483_648 && value <= 2_147_483_647 { return json }
        case .int(let value) where scalar === BuiltInScalars.float:
            return .double(Double(value))
        case .double where scalar === BuiltInScalars.float,
            .bool where scalar === BuiltInScalars.boolean:
            return json
        default:
            break
        }
        return try scalar.serializeValue(json)
    }

    /// A non-null field that resolved to null.
    static func nullInNonNull(_ field: CollectedField) -> GraphQLError {
        GraphQLError(
            "The non-null field "
                + "\(field.parentTypeName).\(field.nodes[0].name.value) resolved to null.")
    }

    /// A list field whose value is not a list.
    static func notAList(_ field: CollectedField) -> GraphQLError {
        GraphQLError(
            "The list field \"\(field.parentTypeName).\(field.nodes[0].name.value)\""
                + " resolved to a non-list.")
    }
}
