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

    /// Compares every pair of fields sharing a response name. Identical leaf selections
    /// (same parent, field and arguments) cannot conflict with each other, so they are grouped
    /// and each group is compared once: a document repeating one field thousands of times
    /// costs little, while every conflicting pair is still reported.
    private func conflictsWithin(_ collected: Collected, into conflicts: inout [Conflict]) {
        for name in collected.names {
            let groups = OverlapChecker.groupIdenticalLeaves(collected.fields[name]!)
            guard groups.count > 1 else { continue }
            for first in 0..<groups.count {
                for second in (first + 1)..<groups.count {
                    guard
                        let conflict = findConflict(
                            false, name, groups[first][0].entry, groups[second][0].entry)
                    else { continue }
                    for one in groups[first] {
                        for two in groups[second] {
                            conflicts.append(
                                OverlapChecker.pair(conflict, one, two, name: name))
                        }
                    }
                }
            }
        }
    }

    /// `conflict`, found between two groups' first entries, restated for the members `one`
    /// and `two`, in document order as a pairwise comparison would report it.
    static func pair(
        _ conflict: Conflict, _ one: (index: Int, entry: Entry), _ two: (index: Int, entry: Entry),
        name: String
    ) -> Conflict {
        let (early, late) = one.index < two.index ? (one, two) : (two, one)
        let swapped = early.index != one.index
        return Conflict(
            responseName: name, reason: conflict.reason,
            first: [early.entry.node] + (swapped ? conflict.second : conflict.first).dropFirst(),
            second: [late.entry.node] + (swapped ? conflict.first : conflict.second).dropFirst())
    }

    /// Entries in first-seen order, leaves with the same parent, field and arguments together.
    static func groupIdenticalLeaves(_ entries: [Entry]) -> [[(index: Int, entry: Entry)]] {
        var groups: [[(index: Int, entry: Entry)]] = []
        var indexBySignature: [String: Int] = [:]
        for (position, entry) in entries.enumerated() {
            guard entry.node.selectionSet == nil else {
                groups.append([(position, entry)])
                continue
            }
            let arguments = entry.node.arguments.map { "\($0.name.value):\(canonical($0.value))" }
                .sorted().joined(separator: ",")
            let signature = "\(entry.parent?.name ?? "")|\(entry.node.name.value)|\(arguments)"
            if let index = indexBySignature[signature] {
                groups[index].append((position, entry))
            } else {
                indexBySignature[signature] = groups.count
                groups.append([(position, entry)])
            }
        }
        return groups
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
