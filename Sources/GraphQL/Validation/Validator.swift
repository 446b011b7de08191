/// Checks a document against a schema: every rule of the specification's Validation section,
/// then the configured limits.
/// - Parameters:
///   - schema: the schema the document will run against.
///   - document: the parsed document.
///   - limits: depth, alias and root-field limits; pass `.unlimited` to skip them.
/// - Returns: the problems found, each naming the thing at fault with its locations; empty
///   when the document is valid.
public func validate(
    schema: GraphQLSchema, document: Document, limits: Limits = Limits()
)
    -> [GraphQLError]
{
    let validator = Validator(
        schema: schema, document: document, maxErrors: limits.maxValidationErrors)
    validator.run()
    if validator.droppedErrors > 0 {
        validator.errors.append(
            GraphQLError(
                "Validation stopped after \(limits.maxValidationErrors) errors; "
                    + "\(validator.droppedErrors) more were not reported.",
                extensions: ["code": "TOO_MANY_ERRORS"], category: .limit))
    }
    if validator.errors.isEmpty {
        LimitChecker(document: document, fragments: validator.fragments, limits: limits)
            .check(into: &validator.errors)
    }
    return validator.errors
}

/// One use of a variable: where it is and what type the position expects.
struct VariableUsage {
    let name: String
    let location: SourceLocation
    let type: GraphQLType?
    let hasLocationDefault: Bool
    /// The oneOf input type whose single field this variable fills, if any.
    var oneOfInput: String?
}

/// Walks a document once, tracking the types in scope, and applies the validation rules.
final class Validator {
    let schema: GraphQLSchema
    let document: Document
    /// The first fragment of each name.
    var fragments: [String: FragmentDefinition] = [:]
    var errors: [GraphQLError] = []
    /// Variable usages of the definition being walked.
    var usages: [VariableUsage] = []
    /// Usages found in each fragment, walked in the fragment's own type scope.
    var fragmentUsages: [String: [VariableUsage]] = [:]
    let coercion: ValueCoercion
    lazy var overlap = OverlapChecker(schema: schema, fragments: fragments)
    /// Directives defined by the document's own type-system definitions.
    var documentDirectives: [String: GraphQLDirective] = [:]

    /// The most errors kept, and how many were found beyond it.
    let maxErrors: Int
    var droppedErrors = 0

    init(schema: GraphQLSchema, document: Document, maxErrors: Int = .max) {
        self.maxErrors = maxErrors
        self.schema = schema
        self.document = document
        self.coercion = ValueCoercion(types: schema.types)
        for fragment in document.fragments where fragments[fragment.name.value] == nil {
            fragments[fragment.name.value] = fragment
        }
        for case .typeSystem(.directive(let definition)) in document.definitions {
            documentDirectives[definition.name.value] = GraphQLDirective(
                definition.name.value,
                locations: definition.locations.compactMap {
                    DirectiveLocation(rawValue: $0.value)
                },
                arguments: definition.arguments.map {
                    GraphQLInputValue(
                        $0.name.value, type: GraphQLType($0.type),
                        defaultValue: $0.defaultValue == nil ? Optional<JSON>.none : JSON.null)
                }, isRepeatable: definition.isRepeatable)
        }
    }

    func report(_ message: String, _ locations: [SourceLocation]) {
        guard errors.count < maxErrors else {
            droppedErrors += 1
            return
        }
        errors.append(GraphQLError(message, locations: locations, category: .validation))
    }

    func run() {
        checkDefinitions()
        var operationUsages: [(OperationDefinition, [VariableUsage])] = []
        for definition in document.definitions {
            switch definition {
            case .operation(let operation):
                walk(operation: operation)
                operationUsages.append((operation, usages))
            case .fragment(let fragment): walk(fragment: fragment)
            case .typeSystem(let system): walkTypeSystem(system)
            }
        }
        checkFragmentUsage()
        for (operation, own) in operationUsages {
            checkVariables(of: operation, usages: own)
        }
    }

    /// The type a type reference names, or nil when a named type is unknown.
    func resolve(_ reference: TypeReference) -> GraphQLType? {
        let type = GraphQLType(reference)
        return schema.types[type.namedType] == nil ? nil : type
    }

    /// The field `name` of a composite type, including the meta-fields.
    func fieldDefinition(_ name: String, on parent: GraphQLNamedType?) -> GraphQLField? {
        guard let parent else { return nil }
        if name == "__typename" && parent.isComposite { return Validator.typenameField }
        if parent.name == schema.queryType {
            if name == "__schema" { return Validator.schemaField }
            if name == "__type" { return Validator.typeField }
        }
        return parent.fields?[name]
    }

    static let typenameField = GraphQLField("__typename", type: .nonNull("String"))
    static let schemaField = GraphQLField("__schema", type: .nonNull("__Schema"))
    static let typeField = GraphQLField(
        "__type", type: "__Type", arguments: [GraphQLInputValue("name", type: .nonNull("String"))])
}
