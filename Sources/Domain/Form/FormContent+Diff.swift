import CanonicalJSON

extension FormContent {
    /// The leaves that differ between `self` and `other`, sorted by path.
    public func changes(to other: FormContent) -> [FieldChange] {
        let before = Self.flatten(jsonValue)
        let after = Self.flatten(other.jsonValue)
        let paths = Set(before.keys).union(after.keys).sorted()
        return paths.compactMap { path in
            let old = before[path]
            let new = after[path]
            return old == new ? nil : FieldChange(path: path, from: old, to: new)
        }
    }

    /// The content with `changes` applied, each leaf set to its `to` value or removed; with
    /// no change, the content unchanged.
    /// - Throws: ``JSONError`` when a change makes the content unreadable.
    public func applying(_ changes: [FieldChange]) throws(JSONError) -> FormContent {
        // Most signature events change nothing here; the content is kept as it is.
        guard !changes.isEmpty else { return self }
        var leaves = Self.flatten(jsonValue)
        for change in changes { leaves[change.path] = change.to }
        return try FormContent(jsonValue: Self.unflatten(leaves))
    }

    /// The same content as it reads back after a trip through its JSON leaves: blocks
    /// without any value become absent. Diffs are computed between normalised contents so
    /// that applying them gives back exactly the content they came from.
    public func normalized() -> FormContent {
        do {
            return try FormContent(jsonValue: Self.unflatten(Self.flatten(jsonValue)))
        } catch {
            preconditionFailure("content written by the domain must read back: \(error)")
        }
    }

    /// Leaves of a JSON tree by dotted path; objects are walked, everything else is a leaf.
    static func flatten(_ value: JSONValue) -> [String: JSONValue] {
        var leaves: [String: JSONValue] = [:]
        func walk(_ value: JSONValue, _ prefix: String) {
            if case .object(let members) = value {
                for (key, member) in members {
                    walk(member, prefix.isEmpty ? key : prefix + "." + key)
                }
            } else {
                leaves[prefix] = value
            }
        }
        walk(value, "")
        return leaves
    }

    /// Rebuilds nested objects from dotted-path leaves.
    static func unflatten(_ leaves: [String: JSONValue]) -> JSONValue {
        var root: [String: JSONValue] = [:]
        for (path, value) in leaves {
            insert(value, at: path.split(separator: ".").map(String.init)[...], into: &root)
        }
        return .object(root)
    }

    private static func insert(
        _ value: JSONValue, at path: ArraySlice<String>, into object: inout [String: JSONValue]
    ) {
        guard let head = path.first else { return }
        if path.count == 1 {
            object[head] = value
            return
        }
        var child: [String: JSONValue] = [:]
        if case .object(let members) = object[head] { child = members }
        insert(value, at: path.dropFirst(), into: &child)
        object[head] = .object(child)
    }
}
