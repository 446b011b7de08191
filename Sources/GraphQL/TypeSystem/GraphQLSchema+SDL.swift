extension GraphQLSchema {
    /// The schema in SDL: the schema definition when root names are not the usual ones,
    /// custom directives, then every type but the built-in scalars and introspection types.
    public func printSDL() -> String {
        var parts: [String] = []
        let common =
            queryType == "Query" && (mutationType ?? "Mutation") == "Mutation"
            && (subscriptionType ?? "Subscription") == "Subscription"
        if description != nil || !common {
            var roots = ["  query: \(queryType)"]
            if let mutationType { roots.append("  mutation: \(mutationType)") }
            if let subscriptionType { roots.append("  subscription: \(subscriptionType)") }
            parts.append(
                SchemaPrinter.description(description) + "schema {\n"
                    + roots.joined(separator: "\n")
                    + "\n}")
        }
        let builtIn = Set(GraphQLDirective.specified.map(\.name))
        for directive in directives where !builtIn.contains(directive.name) {
            parts.append(
                SchemaPrinter.description(directive.description) + "directive @" + directive.name
                    + SchemaPrinter.arguments(directive.arguments, self, indentation: "")
                    + (directive.isRepeatable ? " repeatable" : "") + " on "
                    + directive.locations.map(\.rawValue).joined(separator: " | "))
        }
        for name in typeNames
        where !BuiltInScalars.names.contains(name) && !Introspection.typeNames.contains(name) {
            if let type = types[name] { parts.append(SchemaPrinter.print(type, self)) }
        }
        return parts.joined(separator: "\n\n")
    }
}

/// Prints schema types in SDL.
enum SchemaPrinter {
    static func print(_ type: GraphQLNamedType, _ schema: GraphQLSchema) -> String {
        let head = description(type.description)
        switch type {
        case .scalar(let scalar):
            let url =
                scalar.specifiedByURL.map { " @specifiedBy(url: \(Printer.string($0)))" } ?? ""
            return head + "scalar \(scalar.name)" + url
        case .object(let object):
            return head + "type \(object.name)" + implements(object.interfaces)
                + fields(object.fields, schema)
        case .interface(let interface):
            return head + "interface \(interface.name)" + implements(interface.interfaces)
                + fields(interface.fields, schema)
        case .union(let union):
            let members = union.types.isEmpty ? "" : " = " + union.types.joined(separator: " | ")
            return head + "union \(union.name)" + members
        case .enumeration(let enumeration):
            let values = enumeration.values.enumerated().map { index, value in
                description(value.description, indentation: "  ", first: index == 0) + "  "
                    + value.name + deprecated(value.deprecationReason)
            }
            return head + "enum \(enumeration.name)" + block(values)
        case .inputObject(let input):
            let fields = input.fields.enumerated().map { index, field in
                description(field.description, indentation: "  ", first: index == 0) + "  "
                    + inputValue(field, schema)
            }
            return head + "input \(input.name)" + (input.isOneOf ? " @oneOf" : "") + block(fields)
        }
    }

    static func implements(_ interfaces: [String]) -> String {
        interfaces.isEmpty ? "" : " implements " + interfaces.joined(separator: " & ")
    }

    static func fields(_ fields: FieldMap, _ schema: GraphQLSchema) -> String {
        block(
            fields.ordered.enumerated().map { index, field in
                description(field.description, indentation: "  ", first: index == 0) + "  "
                    + field.name + arguments(field.arguments, schema, indentation: "  ")
                    + ": \(field.type)" + deprecated(field.deprecationReason)
            })
    }

    static func block(_ items: [String]) -> String {
        items.isEmpty ? "" : " {\n" + items.joined(separator: "\n") + "\n}"
    }

    static func arguments(
        _ arguments: [GraphQLInputValue], _ schema: GraphQLSchema, indentation: String
    )
        -> String
    {
        guard !arguments.isEmpty else { return "" }
        if arguments.allSatisfy({ ($0.description ?? "").isEmpty }) {
            return "(" + arguments.map { inputValue($0, schema) }.joined(separator: ", ") + ")"
        }
        let lines = arguments.enumerated().map { index, argument in
            description(argument.description, indentation: "  " + indentation, first: index == 0)
                + "  " + indentation + inputValue(argument, schema)
        }
        return "(\n" + lines.joined(separator: "\n") + "\n" + indentation + ")"
    }

    static func inputValue(_ value: GraphQLInputValue, _ schema: GraphQLSchema) -> String {
        var text = "\(value.name): \(value.type)"
        if let defaultValue = value.defaultValue,
            let literal = ValueLiteral.make(from: defaultValue, type: value.type, schema: schema)
        {
            text += " = " + Printer.print(literal)
        }
        return text + deprecated(value.deprecationReason)
    }

    static func deprecated(_ reason: String?) -> String {
        guard let reason else { return "" }
        if reason == GraphQLDirective.defaultDeprecationReason { return " @deprecated" }
        return " @deprecated(reason: \(Printer.string(reason)))"
    }

    static func description(_ text: String?, indentation: String = "", first: Bool = true) -> String
    {
        guard let text else { return "" }
        let literal = isPrintableAsBlock(text) ? Printer.blockString(text) : Printer.string(text)
        let prefix = !indentation.isEmpty && !first ? "\n" + indentation : indentation
        return prefix + literal.replacingAll("\n", with: "\n" + indentation) + "\n"
    }

    /// Whether a description reads back the same from a block string: no leading or trailing
    /// blank line, no indentation common to every line, no control characters.
    static func isPrintableAsBlock(_ text: String) -> Bool {
        if text.isEmpty { return true }
        var lineIsEmpty = true
        var hasIndent = false
        var commonIndent = true
        var seenLine = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                if lineIsEmpty && !seenLine { return false }
                seenLine = true
                lineIsEmpty = true
                hasIndent = false
            case " ", "\t":
                hasIndent = hasIndent || lineIsEmpty
            case _ where scalar.value <= 0x0F:
                return false
            default:
                commonIndent = commonIndent && hasIndent
                lineIsEmpty = false
            }
        }
        if lineIsEmpty { return false }
        return !(commonIndent && seenLine)
    }
}
