extension Validator {
    /// Checks argument names and walks their values. `definitions` is nil when the field or
    /// directive is unknown, in which case only uniqueness is checked.
    func walk(arguments: [Argument], definitions: [GraphQLInputValue]?, owner: String?) {
        var seen: [String: [SourceLocation]] = [:]
        var order: [String] = []
        for argument in arguments {
            let name = argument.name.value
            if seen[name] == nil { order.append(name) }
            seen[name, default: []].append(argument.name.location)
        }
        for name in order where seen[name]!.count > 1 {
            report("The argument \"\(name)\" is given more than once.", seen[name]!)
        }
        for argument in arguments {
            let definition = definitions?.first { $0.name == argument.name.value }
            if let owner, definition == nil {
                report(
                    "The \(owner) has no argument \"\(argument.name.value)\".", [argument.location])
            }
            walkValue(
                argument.value, type: definition?.type,
                locationHasDefault: definition?.defaultValue != nil, check: true)
        }
    }

    func walk(directives: [Directive], at location: DirectiveLocation) {
        var seen: [String: SourceLocation] = [:]
        for directive in directives {
            let name = directive.name.value
            // Directives defined in the document itself are known, but their argument types
            // are not, so only names are checked for them.
            let typed = schema.directive(name)
            guard let definition = typed ?? documentDirectives[name] else {
                report("The schema has no directive \"@\(name)\".", [directive.location])
                walk(arguments: directive.arguments, definitions: nil, owner: nil)
                continue
            }
            if !definition.locations.contains(location) {
                report(
                    "The directive \"@\(name)\" may not be used on \(location.rawValue).",
                    [directive.location])
            }
            if !definition.isRepeatable {
                if let first = seen[name] {
                    report(
                        "The directive \"@\(name)\" can only be used once at this location.",
                        [first, directive.location])
                } else {
                    seen[name] = directive.location
                }
            }
            walkDirectiveArguments(directive, definition, typed: typed != nil)
        }
    }

    private func walkDirectiveArguments(
        _ directive: Directive, _ definition: GraphQLDirective, typed: Bool
    ) {
        let name = definition.name
        if typed {
            walk(
                arguments: directive.arguments, definitions: definition.arguments,
                owner: "directive \"@\(name)\"")
        } else {
            walk(arguments: directive.arguments, definitions: nil, owner: nil)
            for argument in directive.arguments
            where !definition.arguments.contains(where: { $0.name == argument.name.value }) {
                report(
                    "The directive \"@\(name)\" has no argument \"\(argument.name.value)\".",
                    [argument.location])
            }
        }
        for argument in definition.arguments
        where argument.type.isNonNull && argument.defaultValue == nil
            && !directive.arguments.contains(where: { $0.name.value == argument.name })
        {
            report(
                "The directive \"@\(name)\" needs argument \"\(argument.name)\" of type "
                    + "\"\(argument.type)\", which is missing.", [directive.location])
        }
    }
}
