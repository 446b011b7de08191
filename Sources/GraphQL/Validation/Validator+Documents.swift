extension Validator {
    /// Rules about the document's top-level definitions.
    func checkDefinitions() {
        var operationNames: [String: SourceLocation] = [:]
        var fragmentNames: [String: SourceLocation] = [:]
        let operationCount = document.operations.count
        for definition in document.definitions {
            switch definition {
            case .operation(let operation):
                if let name = operation.name {
                    if let first = operationNames[name.value] {
                        report(
                            "There is more than one operation named \"\(name.value)\".",
                            [first, name.location])
                    } else {
                        operationNames[name.value] = name.location
                    }
                } else if operationCount > 1 {
                    report(
                        "An anonymous operation must be the only operation of its document.",
                        [operation.location])
                }
            case .fragment(let fragment):
                let name = fragment.name
                if let first = fragmentNames[name.value] {
                    report(
                        "There is more than one fragment named \"\(name.value)\".",
                        [first, name.location])
                } else {
                    fragmentNames[name.value] = name.location
                }
            case .typeSystem(let system):
                let what: String
                switch system {
                case .schema: what = "schema"
                case .type(let type): what = "\"\(type.name.value)\""
                case .directive(let directive): what = "\"\(directive.name.value)\""
                }
                report("The \(what) definition cannot be executed.", [system.location])
            }
        }
    }

    /// A subscription selects exactly one root field, and not an introspection field.
    func checkSingleRootField(_ operation: OperationDefinition, _ root: GraphQLObjectType) {
        let executor = Executor(
            schema: schema, fragments: fragments, variables: JSONObject(), context: JSON.null,
            defaultResolver: nil)
        let fields = (try? executor.collectFields(root, operation.selectionSet)) ?? []
        let label =
            operation.name.map { "The subscription \"\($0.value)\"" } ?? "An anonymous subscription"
        if fields.count > 1 {
            report(
                "\(label) must select only one root field.",
                fields.dropFirst().flatMap { $0.nodes.map(\.location) })
        }
        for field in fields where field.nodes[0].name.value.hasPrefix("__") {
            report(
                "\(label) must not select the introspection field"
                    + " \"\(field.nodes[0].name.value)\" at its root.",
                field.nodes.map(\.location))
        }
    }

    /// The fragment spreads inside a selection set, not following fragments, in the order a
    /// depth-first walk with a stack meets them.
    func spreads(in selectionSet: SelectionSet) -> [FragmentSpread] {
        var result: [FragmentSpread] = []
        var pending = [selectionSet]
        while let set = pending.popLast() {
            for selection in set.selections {
                switch selection {
                case .fragmentSpread(let spread): result.append(spread)
                case .field(let field): if let inner = field.selectionSet { pending.append(inner) }
                case .inlineFragment(let fragment): pending.append(fragment.selectionSet)
                }
            }
        }
        return result
    }

    /// The names of every fragment an operation reaches, directly or through other fragments.
    func reachableFragments(from selectionSet: SelectionSet) -> [String] {
        var found: [String] = []
        var seen: Set<String> = []
        var pending = [selectionSet]
        while let set = pending.popLast() {
            for spread in spreads(in: set) {
                let name = spread.name.value
                guard !seen.contains(name), let fragment = fragments[name] else { continue }
                seen.insert(name)
                found.append(name)
                pending.append(fragment.selectionSet)
            }
        }
        return found
    }

    /// Unused fragments and fragment cycles.
    func checkFragmentUsage() {
        var used: Set<String> = []
        for operation in document.operations {
            used.formUnion(reachableFragments(from: operation.selectionSet))
        }
        for fragment in document.fragments where !used.contains(fragment.name.value) {
            report("The fragment \"\(fragment.name.value)\" is never used.", [fragment.location])
        }
        var cycles = CycleFinder(validator: self)
        for fragment in document.fragments {
            cycles.visit(fragment)
        }
    }

    /// Walks type-system definitions for the rules that also look at them: known type
    /// names and the directives applied.
    func walkTypeSystem(_ definition: TypeSystemDefinition) {
        var names: [Name] = []
        switch definition {
        case .schema(let schema):
            names = schema.operationTypes.map(\.type)
            walk(directives: schema.directives, at: .schema)
        case .directive(let directive):
            names = directive.arguments.map(\.type.namedType)
            walkSDL(inputs: directive.arguments, at: .argumentDefinition)
        case .type(let type):
            names = walkSDL(type)
        }
        let defined = Set(
            document.definitions.compactMap { definition -> String? in
                if case .typeSystem(.type(let type)) = definition, !type.isExtension {
                    return type.name.value
                }
                return nil
            })
        for name in names
        where schema.types[name.value] == nil && !defined.contains(name.value)
            && !BuiltInScalars.names.contains(name.value)
            && !Introspection.typeNames.contains(name.value)
        {
            report("The schema has no type \"\(name.value)\".", [name.location])
        }
    }

    /// Walks one type definition's directives and returns the type names it refers to.
    private func walkSDL(_ type: TypeDefinition) -> [Name] {
        let location: DirectiveLocation
        var names: [Name] = []
        switch type.kind {
        case .scalar: location = .scalar
        case .enumeration(let values):
            location = .enumeration
            walk(directives: type.directives, at: location)
            for value in values { walk(directives: value.directives, at: .enumValue) }
            return []
        case .object(let interfaces, let fields), .interface(let interfaces, let fields):
            location = {
                if case .object = type.kind { return .object } else { return .interface }
            }()
            walk(directives: type.directives, at: location)
            names = interfaces
            for field in fields {
                names += [field.type.namedType] + field.arguments.map(\.type.namedType)
                walkSDL(inputs: field.arguments, at: .argumentDefinition)
                walk(directives: field.directives, at: .fieldDefinition)
            }
            return names
        case .union(let types):
            location = .union
            names = types
        case .inputObject(let fields):
            walk(directives: type.directives, at: .inputObject)
            walkSDL(inputs: fields, at: .inputFieldDefinition)
            return fields.map(\.type.namedType)
        }
        walk(directives: type.directives, at: location)
        return names
    }

    private func walkSDL(inputs: [InputValueDefinition], at location: DirectiveLocation) {
        for input in inputs {
            walk(directives: input.directives, at: location)
            if let value = input.defaultValue {
                walkValue(value, type: nil, locationHasDefault: false, check: true)
            }
        }
    }
}

/// Finds fragments that spread themselves, reporting each cycle once with its spreads.
struct CycleFinder {
    let validator: Validator
    var visited: Set<String> = []
    var path: [FragmentSpread] = []
    var indexOnPath: [String: Int] = [:]

    init(validator: Validator) {
        self.validator = validator
    }

    mutating func visit(_ fragment: FragmentDefinition) {
        let name = fragment.name.value
        guard !visited.contains(name) else { return }
        visited.insert(name)
        let spreads = validator.spreads(in: fragment.selectionSet)
        guard !spreads.isEmpty else { return }
        indexOnPath[name] = path.count
        for spread in spreads {
            let target = spread.name.value
            path.append(spread)
            if let start = indexOnPath[target] {
                let cycle = Array(path[start...])
                let via = cycle.dropLast().map { "\"\($0.name.value)\"" }.joined(separator: ", ")
                validator.report(
                    "The fragment \"\(target)\" spreads itself"
                        + (via.isEmpty ? "." : " through \(via)."),
                    cycle.map(\.location))
            } else if let next = validator.fragments[target] {
                visit(next)
            }
            path.removeLast()
        }
        indexOnPath[name] = nil
    }
}
