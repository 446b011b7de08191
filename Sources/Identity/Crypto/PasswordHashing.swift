import CSodium

/// Argon2id password hashing through libsodium, at a configurable cost.
///
/// The encoded hash (`$argon2id$v=19$m=…,t=…,p=1$salt$hash`) carries its own parameters and
/// salt, so hashes made at another cost still verify.
public struct PasswordHashing: Sendable, Equatable {
    /// Argon2id passes (libsodium's `opslimit`).
    public var operations: UInt64
    /// Argon2id memory in bytes (libsodium's `memlimit`).
    public var memoryBytes: Int

    /// Makes a cost; prefer ``interactive`` outside tests.
    public init(operations: UInt64, memoryBytes: Int) {
        self.operations = operations
        self.memoryBytes = memoryBytes
    }

    /// libsodium's interactive limits (2 passes, 64 MiB): the production default.
    public static var interactive: PasswordHashing {
        PasswordHashing(
            operations: UInt64(crypto_pwhash_argon2id_opslimit_interactive()),
            memoryBytes: crypto_pwhash_argon2id_memlimit_interactive())
    }

    /// libsodium's minimum (1 pass, 8 KiB): for tests only, never for stored accounts.
    public static var testingMinimum: PasswordHashing {
        PasswordHashing(
            operations: UInt64(crypto_pwhash_argon2id_opslimit_min()),
            memoryBytes: crypto_pwhash_argon2id_memlimit_min())
    }

    /// The encoded argon2id hash of `password`, with a fresh random salt.
    /// - Throws: ``IdentityError/internalFailure(_:)`` when libsodium cannot allocate the memory.
    public func hash(_ password: String) throws(IdentityError) -> String {
        Sodium.ready()
        var out = [CChar](repeating: 0, count: Int(crypto_pwhash_argon2id_STRBYTES))
        let length = UInt64(password.utf8.count)
        let code = password.withCString { chars in
            crypto_pwhash_argon2id_str(&out, chars, length, operations, memoryBytes)
        }
        guard code == 0 else { throw .internalFailure("argon2id hashing failed (out of memory?)") }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `password` matches the encoded hash `stored`; false for a malformed hash.
    public static func verify(_ password: String, against stored: String) -> Bool {
        Sodium.ready()
        var encoded = Array(stored.utf8).map { CChar(bitPattern: $0) }
        guard encoded.count < Int(crypto_pwhash_argon2id_STRBYTES) else { return false }
        encoded.append(0)
        let length = UInt64(password.utf8.count)
        return password.withCString { chars in
            crypto_pwhash_argon2id_str_verify(encoded, chars, length)
        } == 0
    }
}
