/// Prints documents and values back to GraphQL text in a canonical layout: two-space
/// indentation, one selection per line, arguments on one line unless it grows past 80 columns.
public enum Printer {
    /// The canonical text of a document.
    public static func print(_ document: Document) -> String {
        document.definitions.map(print(definition:)).joined(separator: "\n\n")
    }

    static func print(definition: Definition) -> String {
        switch definition {
        case .operation(let operation): return print(operation: operation)
        case .fragment(let fragment): return print(fragment: fragment)
        case .typeSystem(let definition): return SDLPrinter.print(definition)
        }
    }

    static func print(operation: OperationDefinition) -> String {
        let selections = print(selectionSet: operation.selectionSet)
        if operation.operation == .query && operation.name == nil
            && operation.variableDefinitions.isEmpty && operation.directives.isEmpty
        {
            return selections
        }
        let variables = wrap(
            "(", operation.variableDefinitions.map(print(variable:)).joined(separator: ", "), ")")
        let head = (operation.name?.value ?? "") + variables
        return join([
            operation.operation.rawValue, head, print(directives: operation.directives), selections,
        ])
    }

    static func print(variable: VariableDefinition) -> String {
        "$\(variable.variable.value): \(print(type: variable.type))"
            + wrap(" = ", variable.defaultValue.map(print) ?? "", "")
            + wrap(" ", print(directives: variable.directives), "")
    }

    static func print(fragment: FragmentDefinition) -> String {
        "fragment \(fragment.name.value) on \(fragment.typeCondition.value) "
            + wrap("", print(directives: fragment.directives), " ")
            + print(selectionSet: fragment.selectionSet)
    }

    static func print(selectionSet: SelectionSet) -> String {
        block(selectionSet.selections.map(print(selection:)))
    }

    static func print(selection: Selection) -> String {
        switch selection {
        case .field(let field):
            let prefix = wrap("", field.alias?.value ?? "", ": ") + field.name.value
            var arguments = wrap(
                "(", field.arguments.map(print(argument:)).joined(separator: ", "), ")")
            if (prefix + arguments).count > 80 {
                arguments = wrap(
                    "(\n", indent(field.arguments.map(print(argument:)).joined(separator: "\n")),
                    "\n)")
            }
            return join([
                prefix + arguments, print(directives: field.directives),
                field.selectionSet.map(print(selectionSet:)) ?? "",
            ])
        case .fragmentSpread(let spread):
            return "..." + spread.name.value + wrap(" ", print(directives: spread.directives), "")
        case .inlineFragment(let fragment):
            return join([
                "...", wrap("on ", fragment.typeCondition?.value ?? "", ""),
                print(directives: fragment.directives), print(selectionSet: fragment.selectionSet),
            ])
        }
    }

    static func print(argument: Argument) -> String {
        "\(argument.name.value): \(print(argument.value))"
    }

    static func print(directives: [Directive]) -> String {
        directives.map { directive in
            "@" + directive.name.value
                + wrap("(", directive.arguments.map(print(argument:)).joined(separator: ", "), ")")
        }.joined(separator: " ")
    }

    static func print(type: TypeReference) -> String {
        switch type {
        case .named(let name): return name.value
        case .list(let inner, _): return "[\(print(type: inner))]"
        case .nonNull(let inner, _): return "\(print(type: inner))!"
        }
    }

    /// The canonical text of a value literal.
    public static func print(_ value: ValueNode) -> String {
        switch value.kind {
        case .variable(let name): return "$" + name
        case .int(let text), .float(let text), .enumValue(let text): return text
        case .string(let text, let block): return block ? blockString(text) : string(text)
        case .boolean(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .list(let items): return "[" + items.map(print).joined(separator: ", ") + "]"
        case .object(let fields):
            return "{"
                + fields.map { "\($0.name.value): \(print($0.value))" }.joined(separator: ", ")
                + "}"
        }
    }

    /// Surrounds `text` with `start` and `end` when it is not empty.
    static func wrap(_ start: String, _ text: String, _ end: String) -> String {
        text.isEmpty ? "" : start + text + end
    }

    /// Joins the non-empty parts with a space.
    static func join(_ parts: [String], _ separator: String = " ") -> String {
        parts.filter { !$0.isEmpty }.joined(separator: separator)
    }

    static func block(_ lines: [String]) -> String {
        lines.isEmpty ? "" : "{\n" + indent(lines.joined(separator: "\n")) + "\n}"
    }

    static func indent(_ text: String) -> String {
        text.isEmpty ? "" : "  " + text.replacingAll("\n", with: "\n  ")
    }
}

extension String {
    /// Replaces every occurrence of a single character, without Foundation.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
