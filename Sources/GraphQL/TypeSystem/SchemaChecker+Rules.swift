extension SchemaChecker {
    /// Objects, interfaces and input objects need fields; unions members; enums values.
    func checkNotEmpty(_ name: String) throws(GraphQLError) {
        let empty: Bool
        switch schema.types[name] {
        case .object(let object)?: empty = object.fields.ordered.isEmpty
        case .interface(let interface)?: empty = interface.fields.ordered.isEmpty
        case .union(let union)?: empty = union.types.isEmpty
        case .enumeration(let enumeration)?: empty = enumeration.values.isEmpty
        case .inputObject(let input)?: empty = input.fields.isEmpty
        default: empty = false
        }
        if empty { throw failure("The type \(name) must define at least one member.") }
    }

    /// A field implementing an interface field returns a subtype and accepts the same
    /// arguments, adding only optional ones.
    func checkImplementation(
        _ own: GraphQLField, of field: GraphQLField, in name: String, _ interfaceName: String
    ) throws(GraphQLError) {
        let place = "\(name).\(own.name)"
        guard schema.isTypeSubtype(own.type, of: field.type) else {
            throw failure(
                "\(place) returns \(own.type), which does not fit \(interfaceName).\(field.name): "
                    + "\(field.type).")
        }
        for argument in field.arguments {
            guard let mine = own.argument(argument.name), mine.type == argument.type else {
                throw failure(
                    "\(place) must accept argument \(argument.name): \(argument.type) "
                        + "like \(interfaceName).\(field.name).")
            }
        }
        for argument in own.arguments
        where field.argument(argument.name) == nil && argument.type.isNonNull
            && argument.defaultValue == nil
        {
            throw failure(
                "\(place) cannot require argument \(argument.name), which \(interfaceName) lacks.")
        }
    }

    /// An input object cannot contain itself through non-null fields: no value could be
    /// written for it.
    func checkInputCycle(from start: String) throws(GraphQLError) {
        var path: [String] = []
        var visiting: Set<String> = []
        func visit(_ name: String) throws(GraphQLError) {
            guard case .inputObject(let input)? = schema.types[name] else { return }
            if visiting.contains(name) {
                guard name == start else { return }
                throw failure(
                    "The input \(start) contains itself through non-null fields: "
                        + (path + [start]).joined(separator: " -> ") + ".")
            }
            visiting.insert(name)
            path.append(name)
            for field in input.fields {
                if case .nonNull(.named(let inner)) = field.type { try visit(inner) }
            }
            path.removeLast()
        }
        try visit(start)
    }
}
