import Domain
import GraphQL

extension InputReader {
    /// Merges the string at `key`.
    mutating func merge(_ key: String, into target: inout String?) {
        guard let value = fields[key] else { return }
        switch value {
        case .null: target = nil
        case .string(let text): target = text
        default: add(key, .invalidValue)
        }
    }

    /// Merges the boolean at `key`.
    mutating func merge(_ key: String, into target: inout Bool?) {
        guard let value = fields[key] else { return }
        switch value {
        case .null: target = nil
        case .bool(let flag): target = flag
        default: add(key, .invalidValue)
        }
    }

    /// Merges the boolean at `key` into a flag that is false unless set; null clears it.
    mutating func merge(_ key: String, into target: inout Bool) {
        var flag: Bool? = target
        merge(key, into: &flag)
        target = flag ?? false
    }

    /// Merges the enum value at `key`, given as its name.
    mutating func mergeEnum<E: RawRepresentable>(_ key: String, into target: inout E?)
    where E.RawValue == String {
        guard let value = fields[key] else { return }
        if value.isNull {
            target = nil
        } else if let parsed = Self.enumValue(value, as: E.self) {
            target = parsed
        } else {
            add(key, .invalidValue)
        }
    }

    /// Merges the `DateTime` at `key` (every form ``DateTimeText`` reads).
    mutating func mergeDate(_ key: String, into target: inout Timestamp?) {
        guard let value = fields[key] else { return }
        switch value {
        case .null: target = nil
        case .string(let text):
            guard let microseconds = DateTimeText.microseconds(text) else {
                add(key, .invalidDate)
                return
            }
            target = Timestamp(microseconds: microseconds)
        default: add(key, .invalidDate)
        }
    }

    /// Merges the quantity in tonnes at `key` as grams.
    mutating func mergeWeight(_ key: String, into target: inout Weight?) {
        guard let value = fields[key] else { return }
        if value.isNull {
            target = nil
        } else if let weight = Tonnes.weight(value) {
            target = weight
        } else {
            add(key, .invalidQuantity)
        }
    }

    /// Merges the single plate at `key` into a list of plates; null or a blank string
    /// empties it.
    mutating func mergePlates(_ key: String, into target: inout [String]) {
        var plates: [String]? = target
        mergeOptionalPlates(key, into: &plates)
        target = plates ?? []
    }

    /// Merges the single plate at `key`: null leaves nil ("not given"), a blank string gives
    /// no plate, anything else one trimmed plate.
    mutating func mergeOptionalPlates(_ key: String, into target: inout [String]?) {
        guard let value = fields[key] else { return }
        switch value {
        case .null: target = nil
        case .string(let text):
            let plate = text.trimmingWhitespace
            target = plate.isEmpty ? [] : [plate]
        default: add(key, .invalidValue)
        }
    }

    /// Replaces `target` with the list of enum names at `key`; null empties it.
    mutating func mergeEnums<E: RawRepresentable>(_ key: String, into target: inout [E])
    where E.RawValue == String {
        mergeList(key, into: &target) { reader, value, index in
            if let parsed = Self.enumValue(value, as: E.self) { return parsed }
            reader.add("\(index)", .invalidValue)
            return nil
        }
    }

    /// Replaces `target` with the list of strings at `key`; null empties it.
    mutating func mergeStrings(_ key: String, into target: inout [String]) {
        mergeList(key, into: &target) { reader, value, index in
            if case .string(let text) = value { return text }
            reader.add("\(index)", .invalidValue)
            return nil
        }
    }

    /// Replaces `target` with the list of objects at `key`, each built by `element` on a
    /// reader of the element (path `key.index`); null empties it.
    mutating func mergeObjects<T>(
        _ key: String, into target: inout [T], _ element: (inout InputReader) -> T?
    ) {
        mergeList(key, into: &target) { reader, value, index in
            reader.nested("\(index)") { element(&$0) } ?? nil
        }
    }

    /// Replaces `target` with the list at `key`, each item read by `element` given a reader
    /// of the list (for issues), the item and its index; items that fail are left out.
    mutating func mergeList<T>(
        _ key: String, into target: inout [T],
        _ element: (inout InputReader, JSON, Int) -> T?
    ) {
        guard let value = fields[key] else { return }
        switch value {
        case .null: target = []
        case .list(let items):
            var listReader = InputReader(listObject(items), path: path(key))
            target = items.enumerated().compactMap { element(&listReader, $1, $0) }
            issues += listReader.issues
        default: add(key, .invalidValue)
        }
    }

    /// The string at `key`, nil when absent or null.
    mutating func string(_ key: String) -> String? {
        var text: String?
        merge(key, into: &text)
        return text
    }

    /// The integer at `key` (a float with no fraction is accepted), nil when absent or null.
    mutating func int(_ key: String) -> Int? {
        switch fields[key] {
        case nil, .null?: return nil
        case .int(let number)?: return number
        case .double(let number)? where number.rounded() == number && abs(number) < 1e15:
            return Int(number)
        default:
            add(key, .invalidValue)
            return nil
        }
    }

    /// `value`, or nil with a `REQUIRED` issue at `key` when it is missing.
    mutating func required<T>(_ value: T?, _ key: String) -> T? {
        if value == nil && !issues.contains(where: { $0.path == path(key) }) {
            add(key, .required)
        }
        return value
    }

    /// An enum value from its name.
    static func enumValue<E: RawRepresentable>(_ value: JSON, as type: E.Type) -> E?
    where E.RawValue == String {
        guard case .string(let name) = value else { return nil }
        return E(rawValue: name)
    }

    /// The items of a list keyed by index, so that element readers can be nested by key.
    private func listObject(_ items: [JSON]) -> JSONObject {
        var object = JSONObject(capacity: items.count)
        for (index, item) in items.enumerated() { object["\(index)"] = item }
        return object
    }
}

extension InputReader {
    /// The `DateTime` at `key`, nil when absent or null.
    mutating func date(_ key: String) -> Timestamp? {
        var value: Timestamp?
        mergeDate(key, into: &value)
        return value
    }

    /// The quantity in tonnes at `key` as grams, nil when absent or null.
    mutating func weight(_ key: String) -> Weight? {
        var value: Weight?
        mergeWeight(key, into: &value)
        return value
    }

    /// The enum value at `key`, nil when absent or null.
    mutating func enumValue<E: RawRepresentable>(_ key: String) -> E? where E.RawValue == String {
        var value: E?
        mergeEnum(key, into: &value)
        return value
    }

    /// The boolean at `key`, nil when absent or null.
    mutating func bool(_ key: String) -> Bool? {
        var value: Bool?
        merge(key, into: &value)
        return value
    }
}

extension InputReader {
    /// The `DateTime` at `key`, or nil with an issue when it is missing or malformed.
    mutating func requiredDate(_ key: String) -> Timestamp? {
        let value = date(key)
        return required(value, key)
    }

    /// The string at `key`, or nil with an issue when it is missing or not a string.
    mutating func requiredString(_ key: String) -> String? {
        let value = string(key)
        return required(value, key)
    }
}
