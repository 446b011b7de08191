import CanonicalJSON

extension FormContent {
    /// The leaves that differ between `self` and `other`, sorted by path.
    ///
    /// Objects are walked and everything else is a leaf, addressed by its dotted path. Both
    /// trees are walked together in key order, skipping equal subtrees, so a change of one
    /// block costs that block only; since keys are identifiers, whose characters all sort
    /// after the dot, this order is the order of the full paths.
    public func changes(to other: FormContent) -> [FieldChange] {
        guard self != other else { return [] }
        var changes: [FieldChange] = []
        Self.diff(jsonValue, other.jsonValue, at: "", into: &changes)
        return changes
    }

    /// The content with `changes` applied, each leaf set to its `to` value or removed; with
    /// no change, the content unchanged.
    /// - Throws: ``JSONError`` when a change makes the content unreadable.
    public func applying(_ changes: [FieldChange]) throws(JSONError) -> FormContent {
        // Most signature events change nothing here; the content is kept as it is.
        guard !changes.isEmpty else { return self }
        var root = jsonValue.objectValue ?? [:]
        for change in changes {
            Self.set(change.to, at: change.path.split(separator: ".")[...], in: &root)
        }
        return try FormContent(jsonValue: .object(Self.pruned(root)))
    }

    /// The same content as it reads back after a trip through its JSON leaves: blocks
    /// without any value become absent. Diffs are computed between normalised contents so
    /// that applying them gives back exactly the content they came from.
    public func normalized() -> FormContent {
        do {
            return try FormContent(jsonValue: .object(Self.pruned(jsonValue.objectValue ?? [:])))
        } catch {
            preconditionFailure("content written by the domain must read back: \(error)")
        }
    }

    /// Appends the leaf changes from `old` to `new` under `path`, in path order.
    private static func diff(
        _ old: JSONValue?, _ new: JSONValue?, at path: String, into changes: inout [FieldChange]
    ) {
        guard old != new else { return }
        let oldMembers = old?.objectValue
        let newMembers = new?.objectValue
        // A leaf on either side is one change at this path, before the other side's leaves.
        if oldMembers == nil || newMembers == nil {
            let from = oldMembers == nil ? old : nil
            let to = newMembers == nil ? new : nil
            if from != to { changes.append(FieldChange(path: path, from: from, to: to)) }
        }
        if oldMembers == nil && newMembers == nil { return }
        let keys = Set((oldMembers ?? [:]).keys).union((newMembers ?? [:]).keys).sorted()
        for key in keys {
            diff(
                oldMembers?[key], newMembers?[key], at: path.isEmpty ? key : path + "." + key,
                into: &changes)
        }
    }

    /// Sets (or, for nil, removes) the leaf at `path`, making the objects on the way.
    private static func set(
        _ value: JSONValue?, at path: ArraySlice<Substring>, in object: inout [String: JSONValue]
    ) {
        guard let head = path.first.map(String.init) else { return }
        if path.count == 1 {
            object[head] = value
            return
        }
        var child = object[head]?.objectValue ?? [:]
        if value == nil && object[head]?.objectValue == nil { return }
        set(value, at: path.dropFirst(), in: &child)
        object[head] = .object(child)
    }

    /// `object` without the objects that hold no leaf, at any depth.
    private static func pruned(_ object: [String: JSONValue]) -> [String: JSONValue] {
        var result = object
        for (key, value) in object {
            guard let members = value.objectValue else { continue }
            let inner = pruned(members)
            result[key] = inner.isEmpty ? nil : .object(inner)
        }
        return result
    }
}
