import GraphQL
import Ledger

/// Builds one output object of the schema key by key. Absent values are left out: the
/// executor reads a missing key as null, for the fast JSON lane and the default resolver
/// alike.
struct ViewObject {
    /// The members set so far, in the order they were set.
    private(set) var object = JSONObject()
    /// The only keys to set, when the reader says which it will read; nil: every key.
    let wanted: Set<String>?

    /// An empty object, which will hold only the `wanted` keys (nil: all).
    init(wanted: Set<String>? = nil) {
        self.wanted = wanted
    }

    /// Whether `key` is to be set.
    func wants(_ key: String) -> Bool {
        wanted?.contains(key) ?? true
    }

    /// The object built.
    var json: JSON { .object(object) }

    /// Sets `key` to `value` unless it is nil; `value` is made only for a wanted key.
    mutating func set(_ key: String, _ value: @autoclosure () -> JSON?) {
        guard wants(key), let value = value() else { return }
        object[key] = value
    }

    /// Sets `key` to a string unless it is nil.
    mutating func set(_ key: String, _ text: String?) {
        if let text, wants(key) { object[key] = .string(text) }
    }

    /// Sets `key` to a boolean unless it is nil.
    mutating func set(_ key: String, _ flag: Bool?) {
        if let flag, wants(key) { object[key] = .bool(flag) }
    }

    /// Sets `key` to an integer unless it is nil.
    mutating func set(_ key: String, _ number: Int?) {
        if let number, wants(key) { object[key] = .int(number) }
    }

    /// Sets `key` to a float unless it is nil.
    mutating func set(_ key: String, _ number: Double?) {
        if let number, wants(key) { object[key] = .double(number) }
    }

    /// Sets `key` to a list, made only for a wanted key.
    mutating func set(_ key: String, list: @autoclosure () -> [JSON]) {
        guard wants(key) else { return }
        object[key] = .list(list())
    }

    /// A `DateTime` value: RFC 3339 in UTC with microseconds, the form the ledger writes
    /// its envelopes in, so that every date of the API reads the same.
    static func dateTime(microseconds: Int64) -> JSON {
        .string(Timestamp.format(microseconds))
    }
}
