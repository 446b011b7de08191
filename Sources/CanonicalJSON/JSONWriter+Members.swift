extension JSONWriter {
    /// Writes the member `key` unless `value` is nil, so absent and nil agree.
    @inlinable
    public mutating func member<T: JSONEncodable>(_ key: StaticString, _ value: T?) {
        guard let value else { return }
        self.key(key)
        value.encode(to: &self)
    }

    /// Writes the member `key` only when `list` is not empty, so absent and empty agree.
    @inlinable
    public mutating func member<T: JSONEncodable>(_ key: StaticString, nonEmpty list: [T]) {
        guard !list.isEmpty else { return }
        self.key(key)
        list.encode(to: &self)
    }

    /// Writes the member `key` as `true` only when `flag` is set, so absent and false agree.
    @inlinable
    public mutating func member(_ key: StaticString, ifTrue flag: Bool) {
        guard flag else { return }
        self.key(key)
        bool(true)
    }
}
