extension OverlapChecker {
    /// The conflict between two fields of the same response name, if any.
    func findConflict(
        _ parentsExclusive: Bool, _ name: String, _ first: Entry, _ second: Entry
    ) -> Conflict? {
        // Fields on two different object types can never apply to the same value.
        var exclusive = parentsExclusive
        if let one = first.parent, let two = second.parent, one.name != two.name,
            case .object = one, case .object = two
        {
            exclusive = true
        }
        if let reason = shallowConflict(exclusive, first, second) {
            return Conflict(
                responseName: name, reason: .message(reason), first: [first.node],
                second: [second.node])
        }
        let nested = subselectionConflicts(exclusive, first, second)
        guard !nested.isEmpty else { return nil }
        return Conflict(
            responseName: name, reason: .nested(nested.map { ($0.responseName, $0.reason) }),
            first: [first.node] + nested.flatMap(\.first),
            second: [second.node] + nested.flatMap(\.second))
    }

    /// Why two fields conflict by themselves: names, arguments or types; nil when they agree.
    private func shallowConflict(_ exclusive: Bool, _ first: Entry, _ second: Entry) -> String? {
        let node1 = first.node
        let node2 = second.node
        if !exclusive {
            if node1.name.value != node2.name.value {
                return "\"\(node1.name.value)\" and \"\(node2.name.value)\" are different fields"
            }
            if !OverlapChecker.sameArguments(node1.arguments, node2.arguments) {
                return "they have differing arguments"
            }
        }
        if let type1 = first.definition?.type, let type2 = second.definition?.type,
            typesConflict(type1, type2)
        {
            return "they return conflicting types \"\(type1)\" and \"\(type2)\""
        }
        return nil
    }

    /// The conflicts between the sub-selections of two fields, fragments included.
    private func subselectionConflicts(
        _ exclusive: Bool, _ first: Entry, _ second: Entry
    )
        -> [Conflict]
    {
        guard let set1 = first.node.selectionSet, let set2 = second.node.selectionSet else {
            return []
        }
        let sub1 = collect(first.definition.flatMap { schema.types[$0.type.namedType] }, set1)
        let sub2 = collect(second.definition.flatMap { schema.types[$0.type.namedType] }, set2)
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
        return nested
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
