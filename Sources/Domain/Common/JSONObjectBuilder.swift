import CanonicalJSON

/// Builds a JSON object member by member; absent optionals are left out.
struct JSONObjectBuilder {
    private(set) var members: [String: JSONValue] = [:]

    /// Sets `key` unless `value` is nil.
    mutating func set<T: JSONConvertible>(_ key: String, _ value: T?) {
        if let value { members[key] = value.jsonValue }
    }

    /// Sets `key` only when the array is not empty, so empty lists and absent ones agree.
    mutating func setNonEmpty<T: JSONConvertible>(_ key: String, _ value: [T]) {
        if !value.isEmpty { members[key] = value.jsonValue }
    }

    /// Sets `key` only when the flag is true, so false and absent agree.
    mutating func setTrue(_ key: String, _ flag: Bool) {
        if flag { members[key] = .bool(true) }
    }

    /// The object built.
    var value: JSONValue { .object(members) }
}
