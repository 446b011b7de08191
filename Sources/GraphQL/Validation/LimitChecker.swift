/// Checks the limits a public endpoint puts on a valid document: depth, aliases and root
/// fields, counted per operation with fragments expanded.
struct LimitChecker {
    let document: Document
    let fragments: [String: FragmentDefinition]
    let limits: Limits

    func check(into errors: inout [GraphQLError]) {
        for operation in document.operations {
            let label = operation.name.map { "The operation \"\($0.value)\"" } ?? "The operation"
            let location = [operation.location]
            let roots = count(operation.selectionSet, visited: []) { _ in true }
            if roots > limits.maxRootFields {
                errors.append(
                    limitError(
                        "\(label) selects \(roots) root fields;"
                            + " the limit is \(limits.maxRootFields).",
                        "TOO_MANY_ROOT_FIELDS", location))
            }
            let depth = self.depth(operation.selectionSet, visited: [])
            if depth > limits.maxDepth {
                errors.append(
                    limitError(
                        "\(label) nests \(depth) levels deep; the limit is \(limits.maxDepth).",
                        "TOO_DEEP", location))
            }
            let aliases = aliasCount(operation.selectionSet, visited: [])
            if aliases > limits.maxAliases {
                errors.append(
                    limitError(
                        "\(label) uses \(aliases) aliases; the limit is \(limits.maxAliases).",
                        "TOO_MANY_ALIASES", location))
            }
        }
    }

    private func limitError(
        _ message: String, _ code: String, _ locations: [SourceLocation]
    )
        -> GraphQLError
    {
        GraphQLError(
            message, locations: locations, extensions: ["code": .string(code)], category: .limit)
    }

    /// Counts the fields of one selection level, looking through fragments.
    private func count(_ set: SelectionSet, visited: Set<String>, _ include: (Field) -> Bool) -> Int
    {
        var total = 0
        for selection in set.selections {
            switch selection {
            case .field(let field): total += include(field) ? 1 : 0
            case .inlineFragment(let fragment):
                total += count(fragment.selectionSet, visited: visited, include)
            case .fragmentSpread(let spread):
                guard !visited.contains(spread.name.value),
                    let fragment = fragments[spread.name.value]
                else { continue }
                total += count(
                    fragment.selectionSet, visited: visited.union([spread.name.value]), include)
            }
        }
        return total
    }

    private func depth(_ set: SelectionSet, visited: Set<String>) -> Int {
        var deepest = 0
        for selection in set.selections {
            switch selection {
            case .field(let field):
                deepest = max(deepest, field.selectionSet.map { depth($0, visited: visited) } ?? 0)
            case .inlineFragment(let fragment):
                deepest = max(deepest, depth(fragment.selectionSet, visited: visited) - 1)
            case .fragmentSpread(let spread):
                guard !visited.contains(spread.name.value),
                    let fragment = fragments[spread.name.value]
                else { continue }
                deepest = max(
                    deepest,
                    depth(fragment.selectionSet, visited: visited.union([spread.name.value])) - 1)
            }
        }
        return deepest + 1
    }

    private func aliasCount(_ set: SelectionSet, visited: Set<String>) -> Int {
        var total = 0
        for selection in set.selections {
            switch selection {
            case .field(let field):
                total += field.alias == nil ? 0 : 1
                total += field.selectionSet.map { aliasCount($0, visited: visited) } ?? 0
            case .inlineFragment(let fragment):
                total += aliasCount(fragment.selectionSet, visited: visited)
            case .fragmentSpread(let spread):
                guard !visited.contains(spread.name.value),
                    let fragment = fragments[spread.name.value]
                else { continue }
                total += aliasCount(
                    fragment.selectionSet, visited: visited.union([spread.name.value]))
            }
        }
        return total
    }
}
