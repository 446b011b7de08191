/// Entry points of the canonical JSON codec used for event payloads and envelopes.
///
/// Canonical form: no whitespace; object members in ascending order of their keys' UTF-8
/// bytes, each key once; integers in plain decimal (no `-0`); other numbers as Swift's
/// shortest round-trip `description`; strings escape `"`, `\` and control characters only,
/// using `\b \f \n \r \t` where they exist and `\u00xx` (lower case) otherwise. Two equal
/// values therefore always have the same bytes, which keeps the ledger's hashes reproducible.
public enum CanonicalJSON {
    /// Encodes `value` to canonical bytes.
    @inlinable
    public static func encode(_ value: some JSONEncodable, capacity: Int = 256) -> [UInt8] {
        var writer = JSONWriter(capacity: capacity)
        value.encode(to: &writer)
        return writer.bytes
    }

    /// Decodes a `T` from one JSON document, refusing trailing bytes.
    @inlinable
    public static func decode<T: JSONDecodable>(
        _ type: T.Type, from bytes: UnsafeRawBufferPointer
    ) throws(JSONError) -> T {
        try read(bytes) { reader throws(JSONError) in
            let value = try T(from: &reader)
            try reader.finish()
            return value
        }
    }

    /// Runs `body` with a reader over `bytes`; the reader must not escape the closure.
    @inlinable
    public static func read<R>(
        _ bytes: UnsafeRawBufferPointer, _ body: (inout JSONReader) throws(JSONError) -> R
    ) throws(JSONError) -> R {
        var reader = JSONReader(bytes)
        return try body(&reader)
    }

    /// Decodes a `T` from one JSON document held in an array.
    @inlinable
    public static func decode<T: JSONDecodable>(
        _ type: T.Type, from bytes: [UInt8]
    ) throws(JSONError) -> T {
        let result: Result<T, JSONError> = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONError) -> T in try decode(type, from: buffer) }
        }
        return try result.get()
    }

    /// Checks that the array holds exactly one JSON value in canonical form.
    public static func validate(_ bytes: [UInt8]) throws(JSONError) {
        let result: Result<Void, JSONError> = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONError) in try validate(buffer) }
        }
        try result.get()
    }

    /// Checks that `bytes` hold exactly one JSON value in canonical form.
    /// - Throws: ``JSONError`` with ``JSONError/Reason/notCanonical`` for valid JSON written
    ///   otherwise, or the syntax error found.
    public static func validate(_ bytes: UnsafeRawBufferPointer) throws(JSONError) {
        try read(bytes) { reader throws(JSONError) in
            try reader.checkCanonicalValue()
            guard reader.index == reader.base.count else {
                throw JSONError(.trailingBytes, at: reader.index)
            }
        }
    }
}
