import Domain
import GraphQL

extension ViewObject {
    /// Sets `key` to the weight in tonnes (the API's unit) unless it is nil.
    mutating func set(_ key: String, _ weight: Weight?) {
        set(key, weight.map(Self.tonnes))
    }

    /// Sets `key` to a `DateTime` unless it is nil.
    mutating func set(_ key: String, _ instant: Timestamp?) {
        set(key, instant.map { Self.dateTime(microseconds: $0.microseconds) })
    }

    /// Sets `key` to an enumeration value, spelled as the schema's enum, unless it is nil.
    mutating func set<Value: RawRepresentable>(_ key: String, _ value: Value?)
    where Value.RawValue == String {
        set(key, value?.rawValue)
    }

    /// A weight in tonnes; grams divided by a million are exact to the sixth decimal.
    static func tonnes(_ weight: Weight) -> JSON {
        .double(Double(weight.grams) / 1_000_000)
    }
}
