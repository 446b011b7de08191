import CanonicalJSON

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
