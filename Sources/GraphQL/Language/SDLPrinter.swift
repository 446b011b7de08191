/// Prints type-system definitions written in a document.
enum SDLPrinter {
    static func print(_ definition: TypeSystemDefinition) -> String {
        switch definition {
        case .schema(let schema):
            let operations = schema.operationTypes.map {
                "\($0.operation.rawValue): \($0.type.value)"
            }
            return description(schema.description)
                + Printer.join([
                    schema.isExtension ? "extend schema" : "schema",
                    Printer.print(directives: schema.directives), Printer.block(operations),
                ])
        case .type(let type): return print(type: type)
        case .directive(let directive):
            return description(directive.description) + "directive @" + directive.name.value
                + arguments(directive.arguments) + (directive.isRepeatable ? " repeatable" : "")
                + " on " + directive.locations.map(\.value).joined(separator: " | ")
        }
    }

    static func print(type: TypeDefinition) -> String {
        let keyword = (type.isExtension ? "extend " : "") + type.kind.keyword
        let directives = Printer.print(directives: type.directives)
        var parts = [keyword, type.name.value]
        switch type.kind {
        case .scalar:
            parts.append(directives)
        case .object(let interfaces, let fields), .interface(let interfaces, let fields):
            parts.append(
                Printer.wrap("implements ", interfaces.map(\.value).joined(separator: " & "), ""))
            parts.append(directives)
            parts.append(Printer.block(fields.map(print(field:))))
        case .union(let types):
            parts.append(directives)
            parts.append(Printer.wrap("= ", types.map(\.value).joined(separator: " | "), ""))
        case .enumeration(let values):
            parts.append(directives)
            parts.append(
                Printer.block(
                    values.map {
                        description($0.description)
                            + Printer.join([
                                $0.name.value, Printer.print(directives: $0.directives),
                            ])
                    }))
        case .inputObject(let fields):
            parts.append(directives)
            parts.append(Printer.block(fields.map(print(input:))))
        }
        return description(type.description) + Printer.join(parts)
    }

    static func print(field: FieldDefinition) -> String {
        description(field.description) + field.name.value + arguments(field.arguments) + ": "
            + Printer.print(type: field.type)
            + Printer.wrap(" ", Printer.print(directives: field.directives), "")
    }

    static func print(input: InputValueDefinition) -> String {
        description(input.description)
            + Printer.join([
                input.name.value + ": " + Printer.print(type: input.type),
                Printer.wrap("= ", input.defaultValue.map(Printer.print) ?? "", ""),
                Printer.print(directives: input.directives),
            ])
    }

    static func arguments(_ arguments: [InputValueDefinition]) -> String {
        let printed = arguments.map(print(input:))
        if printed.contains(where: { $0.contains("\n") }) {
            return Printer.wrap("(\n", Printer.indent(printed.joined(separator: "\n")), "\n)")
        }
        return Printer.wrap("(", printed.joined(separator: ", "), ")")
    }

    static func description(_ description: Description?) -> String {
        guard let description else { return "" }
        let text = description.value
        return (description.isBlock ? Printer.blockString(text) : Printer.string(text)) + "\n"
    }
}
