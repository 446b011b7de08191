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

/// Reads members of a JSON object, naming the member in every error.
struct JSONObjectReader {
    let members: [String: JSONValue]

    /// Wraps `value`, which must be an object.
    init(_ value: JSONValue) throws(JSONError) {
        guard case .object(let members) = value else { throw JSONError(.typeMismatch, at: 0) }
        self.members = members
    }

    /// The member `key`, which must be present and not null.
    func required<T: JSONConvertible>(_ key: String) throws(JSONError) -> T {
        guard let value = members[key], value != .null else {
            throw JSONError(.missingKey, at: 0, key: key)
        }
        do {
            return try T(jsonValue: value)
        } catch {
            throw JSONError(error.reason, at: 0, key: key)
        }
    }

    /// The member `key`, or nil when absent or null.
    func optional<T: JSONConvertible>(_ key: String) throws(JSONError) -> T? {
        guard let value = members[key], value != .null else { return nil }
        do {
            return try T(jsonValue: value)
        } catch {
            throw JSONError(error.reason, at: 0, key: key)
        }
    }

    /// The array member `key`, empty when absent.
    func list<T: JSONConvertible>(_ key: String) throws(JSONError) -> [T] {
        try optional(key) ?? []
    }

    /// The boolean member `key`, false when absent.
    func flag(_ key: String) throws(JSONError) -> Bool {
        try optional(key) ?? false
    }
}
