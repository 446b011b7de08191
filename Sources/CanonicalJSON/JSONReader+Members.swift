extension JSONReader {
    /// Reads the next value as a `T`, or nil when it is `null`: how a typed decoder reads an
    /// object member that may be absent.
    @inlinable
    public mutating func member<T: JSONDecodable>() throws(JSONError) -> T? {
        if try readNullIfPresent() { return nil }
        return try T(from: &self)
    }

    /// The value read for the member `key`, which must have been present and not null.
    /// - Throws: ``JSONError/Reason/missingKey`` naming `key` when it was not.
    @inlinable
    public static func required<T>(_ value: T?, _ key: String) throws(JSONError) -> T {
        guard let value else { throw JSONError(.missingKey, at: 0, key: key) }
        return value
    }
}
