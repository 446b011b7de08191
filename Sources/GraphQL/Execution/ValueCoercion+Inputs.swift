extension ValueCoercion {
    /// One problem found while coercing a JSON input: where inside the value, and why.
    struct InputProblem {
        var path: [PathComponent]
        var message: String
    }

    /// Coerces a JSON input such as a variable's value, reporting every problem found.
    func coerceInput(
        _ value: JSON, type: GraphQLType, path: [PathComponent] = [],
        problems: inout [InputProblem]
    ) -> JSON {
        switch type {
        case .nonNull(let inner):
            if value.isNull {
                problems.append(
                    InputProblem(
                        path: path,
                        message: "A value of type \"\(type)\" cannot be null."))
                return .null
            }
            return coerceInput(value, type: inner, path: path, problems: &problems)
        case _ where value.isNull:
            return .null
        case .list(let inner):
            guard case .list(let items) = value else {
                return .list([coerceInput(value, type: inner, path: path, problems: &problems)])
            }
            return .list(
                items.enumerated().map { index, item in
                    coerceInput(
                        item, type: inner, path: path + [.index(index)], problems: &problems)
                })
        case .named(let name):
            return coerceInput(value, named: name, path: path, problems: &problems)
        }
    }

    private func coerceInput(
        _ value: JSON, named name: String, path: [PathComponent], problems: inout [InputProblem]
    ) -> JSON {
        switch types[name] {
        case .inputObject(let input)?:
            return coerceObject(value, input, path: path, problems: &problems)
        case .enumeration(let enumeration)?:
            if case .string(let text) = value, enumeration.value(named: text) != nil {
                return value
            }
            problems.append(
                InputProblem(
                    path: path,
                    message: "The enum \"\(name)\" has no value \(value.jsonText)."))
            return .null
        case .scalar(let scalar)?:
            do {
                return try scalar.parseInput(value)
            } catch let error as GraphQLError {
                problems.append(InputProblem(path: path, message: error.message))
            } catch {
                problems.append(
                    InputProblem(path: path, message: "The value does not fit type \"\(name)\"."))
            }
            return .null
        default:
            problems.append(InputProblem(path: path, message: "\"\(name)\" is not an input type."))
            return .null
        }
    }

    private func coerceObject(
        _ value: JSON, _ input: GraphQLInputObjectType, path: [PathComponent],
        problems: inout [InputProblem]
    ) -> JSON {
        guard case .object(let object) = value else {
            problems.append(
                InputProblem(
                    path: path,
                    message: "A value of input type \"\(input.name)\" must be an object."))
            return .null
        }
        var result = JSONObject()
        for field in input.fields {
            guard let fieldValue = object[field.name] else {
                if let defaultValue = field.defaultValue {
                    result[field.name] = defaultValue
                } else if field.type.isNonNull {
                    problems.append(
                        InputProblem(
                            path: path,
                            message:
                                "The required field \"\(field.name)\" (\(field.type)) is missing."
                        ))
                }
                continue
            }
            result[field.name] = coerceInput(
                fieldValue, type: field.type, path: path + [.key(field.name)], problems: &problems)
        }
        for key in object.keys where input.field(key) == nil {
            problems.append(
                InputProblem(
                    path: path,
                    message: "The input type \"\(input.name)\" has no field \"\(key)\"."))
        }
        if input.isOneOf, let problem = ValueCoercion.oneOfProblem(object, input) {
            problems.append(InputProblem(path: path, message: problem))
        }
        return .object(result)
    }

    /// Why a value breaks a oneOf input object's rule, if it does.
    static func oneOfProblem(_ object: JSONObject, _ input: GraphQLInputObjectType) -> String? {
        if object.count != 1 {
            return "The oneOf input \"\(input.name)\" needs exactly one field, not \(object.count)."
        }
        if object.values[0].isNull {
            return
                "The field \"\(object.keys[0])\" of oneOf input \"\(input.name)\" must not be null."
        }
        return nil
    }
}
