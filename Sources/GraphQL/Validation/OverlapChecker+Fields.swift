extension OverlapChecker {
    /// The conflict between two fields of the same response name, if any.
    func findConflict(
        _ parentsExclusive: Bool, _ name: String, _ first: Entry, _ second: Entry
    )
        -> Conflict?
    {
        var exclusive = parentsExclusive
        if let one = first.parent, let two = second.parent, one.name != two.name,
            case .object = one, case .object = two
        {
            exclusive = true
        }
        let node1 = first.node
        let node2 = second.node
        if !exclusive {
            if node1.name.value != node2.name.value {
                return Conflict(
                    responseName: name,
                    reason: .message(
                        "\"\(node1.name.value)\" and \"\(node2.name.value)\" are different fields"),
                    first: [node1], second: [node2])
            }
            if !OverlapChecker.sameArguments(node1.arguments, node2.arguments) {
                return Conflict(
                    responseName: name, reason: .message("they have differing arguments"),
                    first: [node1], second: [node2])
            }
        }
        let type1 = first.definition?.type
        let type2 = second.definition?.type
        if let type1, let type2, typesConflict(type1, type2) {
            return Conflict(
                responseName: name,
                reason: .message("they return conflicting types \"\(type1)\" and \"\(type2)\""),
                first: [node1], second: [node2])
        }
        guard let set1 = node1.selectionSet, let set2 = node2.selectionSet else { return nil }
        let sub1 = collect(type1.flatMap { schema.types[$0.namedType] }, set1)
        let sub2 = collect(type2.flatMap { schema.types[$0.namedType] }, set2)
        var nested: [Conflict] = []
        conflictsBetween(exclusive, sub1, sub2, into: &nested)
        for fragment in sub2.fragmentNames {
            conflictsWithFragment(exclusive, sub1, fragment, into: &nested)
        }
        for fragment in sub1.fragmentNames {
            conflictsWithFragment(exclusive, sub2, fragment, into: &nested)
        }
        for fragment1 in sub1.fragmentNames {
            for fragment2 in sub2.fragmentNames {
                conflictsBetweenFragments(exclusive, fragment1, fragment2, into: &nested)
            }
        }
        guard !nested.isEmpty else { return nil }
        return Conflict(
            responseName: name, reason: .nested(nested.map { ($0.responseName, $0.reason) }),
            first: [node1] + nested.flatMap(\.first), second: [node2] + nested.flatMap(\.second))
    }

    /// Whether two types could not both describe one value: lists and non-null must match
    /// in shape, and leaves must be the same type.
    func typesConflict(_ first: GraphQLType, _ second: GraphQLType) -> Bool {
        switch (first, second) {
        case (.list(let one), .list(let two)), (.nonNull(let one), .nonNull(let two)):
            return typesConflict(one, two)
        case (.list, _), (_, .list), (.nonNull, _), (_, .nonNull):
            return true
        case (.named(let one), .named(let two)):
            let leaf1 = schema.types[one]?.isLeaf ?? false
            let leaf2 = schema.types[two]?.isLeaf ?? false
            return (leaf1 || leaf2) && one != two
        }
    }

    /// Whether two argument lists have the same names and values, in any order.
    static func sameArguments(_ first: [Argument], _ second: [Argument]) -> Bool {
        guard first.count == second.count else { return false }
        for argument in first {
            guard let other = second.first(where: { $0.name.value == argument.name.value }),
                canonical(argument.value) == canonical(other.value)
            else { return false }
        }
        return true
    }

    /// A value's text with object fields sorted by name, so that field order does not matter.
    static func canonical(_ value: ValueNode) -> String {
        switch value.kind {
        case .list(let items): return "[" + items.map(canonical).joined(separator: ", ") + "]"
        case .object(let fields):
            return "{"
                + fields.sorted { $0.name.value < $1.name.value }
                .map { "\($0.name.value): \(canonical($0.value))" }.joined(separator: ", ") + "}"
        default: return Printer.print(value)
        }
    }
}
