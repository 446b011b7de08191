/// A JSON-shaped value: the engine's currency for coerced inputs and for results.
///
/// Objects keep their keys in insertion order, so a result serialises in field order.
public enum JSON: Sendable, Equatable {
    /// The null value.
    case null
    /// A boolean.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A floating-point number.
    case double(Double)
    /// A string.
    case string(String)
    /// An ordered list.
    case list([JSON])
    /// An object whose keys keep their insertion order.
    case object(JSONObject)

    /// The value at `key` when this is an object, otherwise nil.
    public subscript(key: String) -> JSON? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// Whether this is the null value.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

// Deliberately not ExpressibleByNilLiteral: `nil` must keep meaning "absent" (Optional.none)
// wherever a JSON value is optional; the null value is written `.null`.
extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    /// Creates a string value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// Creates an integer value.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// Creates a boolean value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// Creates a floating-point value.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// Creates a list value.
    public init(arrayLiteral elements: JSON...) { self = .list(elements) }
    /// Creates an object value keeping the literal's key order.
    public init(dictionaryLiteral elements: (String, JSON)...) {
        var object = JSONObject()
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}

/// A JSON object that keeps its keys in insertion order.
public struct JSONObject: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// The keys, in insertion order.
    public private(set) var keys: [String] = []
    /// The values, parallel to `keys`.
    public private(set) var values: [JSON] = []

    /// Creates an empty object.
    public init() {}

    /// Creates an empty object with room for `capacity` entries.
    public init(capacity: Int) {
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// Creates an object keeping the literal's key order.
    public init(dictionaryLiteral elements: (String, JSON)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// The number of entries.
    public var count: Int { keys.count }

    /// Reads or replaces the value at `key`; assigning appends new keys at the end and
    /// assigning nil removes the key.
    public subscript(key: String) -> JSON? {
        get {
            guard let index = keys.firstIndex(of: key) else { return nil }
            return values[index]
        }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue {
                    values[index] = newValue
                } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// An object from parallel keys and values; the caller guarantees unique keys.
    init(keys: [String], values: [JSON]) {
        self.keys = keys
        self.values = values
    }

    /// The position of `key`, trying position `hint` first: objects of one shape keep their
    /// keys at the same positions.
    func index(forKey key: String, hint: Int) -> Int? {
        if hint < keys.count && keys[hint] == key { return hint }
        return keys.firstIndex(of: key)
    }

    /// Appends an entry without checking for an existing key; the caller guarantees uniqueness.
    mutating func appendUnchecked(_ key: String, _ value: JSON) {
        keys.append(key)
        values.append(value)
    }

    /// Iterates over the entries in insertion order.
    public func makeIterator() -> AnyIterator<(key: String, value: JSON)> {
        var index = 0
        return AnyIterator {
            guard index < keys.count else { return nil }
            defer { index += 1 }
            return (keys[index], values[index])
        }
    }
}
