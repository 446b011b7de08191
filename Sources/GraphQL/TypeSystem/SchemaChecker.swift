/// Checks that a schema's types refer to each other consistently.
struct SchemaChecker {
    let schema: GraphQLSchema

    func failure(_ message: String) -> GraphQLError {
        GraphQLError(message, category: .schema)
    }

    func check() throws(GraphQLError) {
        for name in schema.typeNames {
            if name.hasPrefix("__") && !Introspection.typeNames.contains(name) {
                throw failure(
                    "The type name \(name) is reserved:"
                        + " names starting with __ belong to introspection."
                )
            }
            try checkNotEmpty(name)
            switch schema.types[name] {
            case .object(let object)?:
                try checkFields(object.fields, of: name)
                try checkImplements(object.interfaces, fields: object.fields, of: name)
            case .interface(let interface)?:
                try checkFields(interface.fields, of: name)
                try checkImplements(interface.interfaces, fields: interface.fields, of: name)
            case .union(let union)?:
                for member in union.types {
                    guard case .object? = schema.types[member] else {
                        throw failure("Union \(name) can only include object types, not \(member).")
                    }
                }
            case .inputObject(let input)?:
                try checkInputCycle(from: name)
                for field in input.fields {
                    try checkInput(field.type, at: "\(name).\(field.name)")
                    if input.isOneOf && (field.type.isNonNull || field.defaultValue != nil) {
                        throw failure(
                            "The oneOf input \(name) needs \(field.name)"
                                + " nullable and without default."
                        )
                    }
                }
            default: break
            }
        }
        for directive in schema.directives {
            for argument in directive.arguments {
                try checkInput(argument.type, at: "@\(directive.name)(\(argument.name):)")
            }
        }
    }

    private func checkFields(_ fields: FieldMap, of name: String) throws(GraphQLError) {
        for field in fields.ordered {
            guard let type = schema.types[field.type.namedType] else {
                throw failure(
                    "\(name).\(field.name) refers to unknown type \(field.type.namedType).")
            }
            guard type.isOutput else {
                throw failure("\(name).\(field.name) must have an output type, not \(field.type).")
            }
            for argument in field.arguments {
                try checkInput(argument.type, at: "\(name).\(field.name)(\(argument.name):)")
            }
        }
    }

    private func checkInput(_ type: GraphQLType, at place: String) throws(GraphQLError) {
        guard let named = schema.types[type.namedType] else {
            throw failure("\(place) refers to unknown type \(type.namedType).")
        }
        guard named.isInput else {
            throw failure("\(place) must have an input type, not \(type).")
        }
    }

    private func checkImplements(
        _ interfaces: [String], fields: FieldMap, of name: String
    )
        throws(GraphQLError)
    {
        for interfaceName in interfaces {
            guard case .interface(let interface)? = schema.types[interfaceName] else {
                throw failure("\(name) can only implement interfaces, not \(interfaceName).")
            }
            for field in interface.fields.ordered {
                guard let own = fields[field.name] else {
                    throw failure(
                        "\(name) must have field \(field.name) of interface \(interfaceName).")
                }
                try checkImplementation(own, of: field, in: name, interfaceName)
            }
            for inherited in interface.interfaces where !interfaces.contains(inherited) {
                throw failure(
                    "\(name) must also implement \(inherited), which \(interfaceName) implements.")
            }
        }
    }
}
