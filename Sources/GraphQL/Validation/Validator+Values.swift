extension Validator {
    /// Walks a value literal expecting `type` (nil when unknown): records variable usages,
    /// checks input field names are unique and, when `check` is set, that the literal fits.
    func walkValue(_ node: ValueNode, type: GraphQLType?, locationHasDefault: Bool, check: Bool) {
        switch node.kind {
        case .variable(let name):
            usages.append(
                VariableUsage(
                    name: name, location: node.location, type: type,
                    hasLocationDefault: locationHasDefault))
        case .list(let items):
            let nullable = type?.nullable
            var itemType = nullable
            var checkItems = check
            if case .list(let inner)? = nullable {
                itemType = inner
            } else {
                if check { checkLiteral(node, type: type) }
                checkItems = false
            }
            let inputItem = itemType.flatMap {
                schema.types[$0.namedType]?.isInput == true ? $0 : nil
            }
            for item in items {
                walkValue(item, type: inputItem, locationHasDefault: false, check: checkItems)
            }
        case .object(let fields):
            walkObject(node, fields, type: type, check: check)
        case .null:
            if check, let type, type.isNonNull {
                report("A value of type \"\(type)\" cannot be null here.", [node.location])
            }
        default:
            if check { checkLiteral(node, type: type) }
        }
    }

    private func walkObject(
        _ node: ValueNode, _ fields: [ObjectField], type: GraphQLType?, check: Bool
    ) {
        var input: GraphQLInputObjectType?
        if let type, case .inputObject(let object)? = schema.types[type.namedType] {
            input = object
        }
        let checkFields = check && input != nil
        if check {
            if let input {
                checkRequiredFields(node, fields, input)
                if input.isOneOf { checkOneOf(node, fields, input) }
            } else {
                checkLiteral(node, type: type)
            }
        }
        var seen: [String: SourceLocation] = [:]
        for field in fields {
            let name = field.name.value
            if let first = seen[name] {
                report(
                    "The input field \"\(name)\" is given more than once.",
                    [first, field.name.location])
            } else {
                seen[name] = field.name.location
            }
            let definition = input?.field(name)
            if checkFields, let input, definition == nil {
                report(
                    "The field \"\(name)\" is not defined by input type \"\(input.name)\".",
                    [field.location])
            }
            let fieldType = definition.flatMap {
                schema.types[$0.type.namedType]?.isInput == true ? $0.type : nil
            }
            walkValue(
                field.value, type: fieldType, locationHasDefault: definition?.defaultValue != nil,
                check: checkFields)
            if input?.isOneOf == true, fields.count == 1, case .variable = field.value.kind {
                usages[usages.count - 1].oneOfInput = input?.name
            }
        }
    }

    /// Reports each required field of `input` that the literal leaves out.
    private func checkRequiredFields(
        _ node: ValueNode, _ fields: [ObjectField], _ input: GraphQLInputObjectType
    ) {
        for field in input.fields
        where field.type.isNonNull && field.defaultValue == nil
            && !fields.contains(where: { $0.name.value == field.name })
        {
            report(
                "The input field \"\(input.name).\(field.name)\" of type \"\(field.type)\" "
                    + "is required but missing.", [node.location])
        }
    }

    /// A `@oneOf` literal names exactly one field, whose value is neither null nor a
    /// nullable variable.
    private func checkOneOf(
        _ node: ValueNode, _ fields: [ObjectField], _ input: GraphQLInputObjectType
    ) {
        guard fields.count == 1 else {
            report(
                "The input \"\(input.name)\" is a oneOf input object: give exactly one field.",
                [node.location])
            return
        }
        let field = fields[0]
        switch field.value.kind {
        case .null:
            report(
                "The field \"\(input.name).\(field.name.value)\""
                    + " of a oneOf input object must not be null.",
                [node.location])
        default: break
        }
    }

    /// Reports a literal that the leaf type at its position does not accept.
    func checkLiteral(_ node: ValueNode, type: GraphQLType?) {
        guard let type else { return }
        let accepted: Bool
        switch schema.types[type.namedType] {
        case .scalar(let scalar)?:
            accepted = (try? scalar.parseInputLiteral(node, JSONObject())) != nil
        case .enumeration(let enumeration)?:
            if case .enumValue(let name) = node.kind {
                accepted = enumeration.value(named: name) != nil
            } else {
                accepted = false
            }
        default:
            accepted = false
        }
        if !accepted {
            report(
                "The value \(Printer.print(node)) does not fit type \"\(type)\".",
                [node.location])
        }
    }
}
