/// An object member's key as read, still in the document's bytes; compare it with `==`
/// against a literal without building a `String`.
public struct JSONKey {
    /// The key's UTF-8 bytes when it had no escapes; otherwise `decoded` holds it.
    let raw: UnsafeRawBufferPointer
    let decoded: String?

    /// The key as a `String`.
    public var string: String {
        decoded ?? UTF8Validation.string(raw)
    }

    /// Whether the key equals `literal`.
    public static func == (key: JSONKey, literal: StaticString) -> Bool {
        if let decoded = key.decoded { return decoded == literal.description }
        guard key.raw.count == literal.utf8CodeUnitCount else { return false }
        if key.raw.isEmpty { return true }
        return memcmp(key.raw.baseAddress!, literal.utf8Start, key.raw.count) == 0
    }
}

@_silgen_name("memcmp")
private func memcmp(_ lhs: UnsafeRawPointer, _ rhs: UnsafeRawPointer, _ count: Int) -> Int32
