/// Checks that fields sharing a response name can be merged: same field, same arguments,
/// compatible types, recursively through sub-selections and fragments.
final class OverlapChecker {
    struct Entry {
        let parent: GraphQLNamedType?
        let node: Field
        let definition: GraphQLField?
    }

    /// Fields by response name in first-seen order, and the fragments spread alongside them.
    struct Collected {
        let id: Int
        var names: [String] = []
        var fields: [String: [Entry]] = [:]
        var fragmentNames: [String] = []
    }

    indirect enum Reason {
        case message(String)
        case nested([(String, Reason)])

        var text: String {
            switch self {
            case .message(let message): return message
            case .nested(let reasons):
                return reasons.map { "subfields \"\($0.0)\" conflict because \($0.1.text)" }
                    .joined(separator: " and ")
            }
        }
    }

    struct Conflict {
        let responseName: String
        let reason: Reason
        let first: [Field]
        let second: [Field]
    }

    let schema: GraphQLSchema
    let fragments: [String: FragmentDefinition]
    var cache: [SourceLocation: Collected] = [:]
    var compared = PairSet()

    init(schema: GraphQLSchema, fragments: [String: FragmentDefinition]) {
        self.schema = schema
        self.fragments = fragments
    }

    /// The conflicts within one selection set, as messages with the fields' locations.
    func check(
        _ selectionSet: SelectionSet, parent: GraphQLNamedType?
    ) -> [(
        message: String, locations: [SourceLocation]
    )] {
        var conflicts: [Conflict] = []
        let collected = collect(parent, selectionSet)
        conflictsWithin(collected, into: &conflicts)
        for (index, name) in collected.fragmentNames.enumerated() {
            conflictsWithFragment(false, collected, name, into: &conflicts)
            for other in collected.fragmentNames[(index + 1)...] {
                conflictsBetweenFragments(false, name, other, into: &conflicts)
            }
        }
        return conflicts.map { conflict in
            (
                "The fields \"\(conflict.responseName)\" conflict because \(conflict.reason.text); "
                    + "give them different aliases to fetch both.",
                (conflict.first + conflict.second).map(\.location)
            )
        }
    }

    func collect(_ parent: GraphQLNamedType?, _ selectionSet: SelectionSet) -> Collected {
        if let cached = cache[selectionSet.location] { return cached }
        var collected = Collected(id: cache.count + 1)
        gather(parent, selectionSet, into: &collected)
        cache[selectionSet.location] = collected
        return collected
    }

    private func gather(
        _ parent: GraphQLNamedType?, _ selectionSet: SelectionSet, into collected: inout Collected
    ) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                let key = field.responseKey
                if collected.fields[key] == nil { collected.names.append(key) }
                collected.fields[key, default: []].append(
                    Entry(
                        parent: parent, node: field, definition: parent?.fields?[field.name.value]))
            case .fragmentSpread(let spread):
                if !collected.fragmentNames.contains(spread.name.value) {
                    collected.fragmentNames.append(spread.name.value)
                }
            case .inlineFragment(let fragment):
                let type = fragment.typeCondition.map { schema.types[$0.value] } ?? parent
                gather(type, fragment.selectionSet, into: &collected)
            }
        }
    }

    func collect(fragment name: String) -> Collected? {
        guard let fragment = fragments[name] else { return nil }
        return collect(schema.types[fragment.typeCondition.value], fragment.selectionSet)
    }

    private func conflictsWithin(_ collected: Collected, into conflicts: inout [Conflict]) {
        for name in collected.names {
            let entries = collected.fields[name]!
            guard entries.count > 1 else { continue }
            for first in 0..<entries.count {
                for second in (first + 1)..<entries.count {
                    if let conflict = findConflict(false, name, entries[first], entries[second]) {
                        conflicts.append(conflict)
                    }
                }
            }
        }
    }

    func conflictsBetween(
        _ exclusive: Bool, _ first: Collected, _ second: Collected, into conflicts: inout [Conflict]
    ) {
        for name in first.names {
            guard let others = second.fields[name] else { continue }
            for entry in first.fields[name]! {
                for other in others {
                    if let conflict = findConflict(exclusive, name, entry, other) {
                        conflicts.append(conflict)
                    }
                }
            }
        }
    }

    func conflictsWithFragment(
        _ exclusive: Bool, _ collected: Collected, _ name: String, into conflicts: inout [Conflict]
    ) {
        guard let fragment = collect(fragment: name), fragment.id != collected.id else { return }
        conflictsBetween(exclusive, collected, fragment, into: &conflicts)
        for referenced in fragment.fragmentNames {
            if compared.contains(referenced, name, exclusive) { continue }
            compared.insert(referenced, name, exclusive)
            conflictsWithFragment(exclusive, collected, referenced, into: &conflicts)
        }
    }

    func conflictsBetweenFragments(
        _ exclusive: Bool, _ first: String, _ second: String, into conflicts: inout [Conflict]
    ) {
        guard first != second, !compared.contains(first, second, exclusive) else { return }
        compared.insert(first, second, exclusive)
        guard let one = collect(fragment: first), let two = collect(fragment: second) else {
            return
        }
        conflictsBetween(exclusive, one, two, into: &conflicts)
        for referenced in two.fragmentNames {
            conflictsBetweenFragments(exclusive, first, referenced, into: &conflicts)
        }
        for referenced in one.fragmentNames {
            conflictsBetweenFragments(exclusive, referenced, second, into: &conflicts)
        }
    }
}

/// Pairs of fragment names already compared, remembering whether the comparison assumed the
/// parents mutually exclusive.
struct PairSet {
    private var data: [String: [String: Bool]] = [:]

    func contains(_ first: String, _ second: String, _ exclusive: Bool) -> Bool {
        guard let stored = data[first]?[second] else { return false }
        return exclusive ? true : stored == false
    }

    mutating func insert(_ first: String, _ second: String, _ exclusive: Bool) {
        data[first, default: [:]][second] = exclusive
        data[second, default: [:]][first] = exclusive
    }
}
