import CSodium

/// The libsodium calls the identity module makes, with Swift types at the edge.
///
/// Every entry point calls ``ready()`` first: `sodium_init` is idempotent and thread-safe, and
/// a libsodium that cannot start (no entropy source) is a broken machine, so it traps.
enum Sodium {
    private static let started: Bool = sodium_init() >= 0

    /// Makes sure libsodium is initialised.
    static func ready() {
        precondition(started, "libsodium could not be initialised (no entropy source?)")
    }

    /// `count` bytes from the operating system's secure random source.
    static func randomBytes(_ count: Int) -> [UInt8] {
        ready()
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, count) }
        return bytes
    }

    /// A uniformly random integer in `0..<upperBound`.
    static func randomInteger(below upperBound: UInt32) -> UInt32 {
        ready()
        return randombytes_uniform(upperBound)
    }

    /// BLAKE2b of `message` with `key` (16–64 bytes), `length` bytes long (16–64).
    static func keyedHash(_ message: [UInt8], key: [UInt8], length: Int = 32) -> [UInt8] {
        ready()
        var out = [UInt8](repeating: 0, count: length)
        let code = out.withUnsafeMutableBufferPointer { target in
            crypto_generichash(
                target.baseAddress!, length, message, UInt64(message.count), key, key.count)
        }
        precondition(code == 0, "crypto_generichash refused a key of \(key.count) bytes")
        return out
    }

    /// HMAC-SHA-256 of `message` with a 32-byte `key`.
    static func hmacSHA256(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
        ready()
        precondition(key.count == Int(crypto_auth_hmacsha256_KEYBYTES), "HMAC key must be 32 bytes")
        var out = [UInt8](repeating: 0, count: Int(crypto_auth_hmacsha256_BYTES))
        _ = out.withUnsafeMutableBufferPointer { target in
            crypto_auth_hmacsha256(target.baseAddress!, message, UInt64(message.count), key)
        }
        return out
    }

    /// Whether `lhs` and `rhs` are equal, in time that depends only on their length.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        ready()
        guard lhs.count == rhs.count else { return false }
        if lhs.isEmpty { return true }
        return sodium_memcmp(lhs, rhs, lhs.count) == 0
    }

    /// URL-safe base64 without padding (RFC 4648 §5), as JWTs use.
    static func base64URL(_ bytes: [UInt8]) -> String {
        ready()
        let variant = Int32(sodium_base64_VARIANT_URLSAFE_NO_PADDING)
        let capacity = sodium_base64_encoded_len(bytes.count, variant)
        var text = [CChar](repeating: 0, count: capacity)
        _ = text.withUnsafeMutableBufferPointer { target in
            sodium_bin2base64(target.baseAddress!, capacity, bytes, bytes.count, variant)
        }
        return String(
            decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Decodes URL-safe base64 without padding; nil for anything else (padding included).
    static func decodeBase64URL(_ text: Substring) -> [UInt8]? {
        ready()
        let input = Array(text.utf8)
        if input.isEmpty { return [] }
        var out = [UInt8](repeating: 0, count: input.count * 3 / 4 + 1)
        var length = 0
        let code = input.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                source.withMemoryRebound(to: CChar.self) { chars in
                    sodium_base642bin(
                        target.baseAddress!, target.count, chars.baseAddress!, chars.count, nil,
                        &length, nil, Int32(sodium_base64_VARIANT_URLSAFE_NO_PADDING))
                }
            }
        }
        guard code == 0 else { return nil }
        return Array(out.prefix(length))
    }
}
