import CanonicalJSON
import Domain

/// Builds and reads JSON objects member by member for the projection's stored records;
/// absent optionals, false flags and empty lists are left out, so equal states have equal
/// bytes.
struct JSONFields {
    private(set) var members: [String: JSONValue] = [:]

    init() {}

    init(_ value: JSONValue) throws(JSONError) {
        guard case .object(let members) = value else { throw JSONError(.typeMismatch, at: 0) }
        self.members = members
    }

    mutating func set<T: JSONConvertible>(_ key: String, _ value: T?) {
        if let value { members[key] = value.jsonValue }
    }

    mutating func set<T: JSONConvertible>(_ key: String, _ list: [T]) {
        if !list.isEmpty { members[key] = list.jsonValue }
    }

    mutating func set(_ key: String, _ flag: Bool) {
        if flag { members[key] = .bool(true) }
    }

    var value: JSONValue { .object(members) }

    func optional<T: JSONConvertible>(_ key: String) throws(JSONError) -> T? {
        guard let value = members[key], value != .null else { return nil }
        do {
            return try T(jsonValue: value)
        } catch {
            throw JSONError(error.reason, at: 0, key: key)
        }
    }

    func required<T: JSONConvertible>(_ key: String) throws(JSONError) -> T {
        guard let found: T = try optional(key) else {
            throw JSONError(.missingKey, at: 0, key: key)
        }
        return found
    }

    func list<T: JSONConvertible>(_ key: String) throws(JSONError) -> [T] {
        try optional(key) ?? []
    }

    func flag(_ key: String) throws(JSONError) -> Bool {
        try optional(key) ?? false
    }
}
