import CSodium

/// The libsodium calls of the audit module: Ed25519 keys, signatures and random seeds.
enum Ed25519 {
    private static let started: Bool = sodium_init() >= 0

    private static func ready() {
        precondition(started, "libsodium could not be initialised (no entropy source?)")
    }

    /// A fresh 32-byte seed from the operating system's secure random source.
    static func randomSeed() -> [UInt8] {
        ready()
        var seed = [UInt8](repeating: 0, count: Int(crypto_sign_SEEDBYTES))
        seed.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, $0.count) }
        return seed
    }

    /// The key pair (public 32 bytes, secret 64 bytes) of a 32-byte seed.
    static func keyPair(seed: [UInt8]) -> (publicKey: [UInt8], secretKey: [UInt8]) {
        ready()
        precondition(seed.count == Int(crypto_sign_SEEDBYTES), "an Ed25519 seed is 32 bytes")
        var publicKey = [UInt8](repeating: 0, count: Int(crypto_sign_PUBLICKEYBYTES))
        var secretKey = [UInt8](repeating: 0, count: Int(crypto_sign_SECRETKEYBYTES))
        let code = crypto_sign_seed_keypair(&publicKey, &secretKey, seed)
        precondition(code == 0, "crypto_sign_seed_keypair failed")
        return (publicKey, secretKey)
    }

    /// The 64-byte detached signature of `message`.
    static func sign(_ message: [UInt8], secretKey: [UInt8]) -> [UInt8] {
        ready()
        var signature = [UInt8](repeating: 0, count: Int(crypto_sign_BYTES))
        let code = crypto_sign_detached(
            &signature, nil, message, UInt64(message.count), secretKey)
        precondition(code == 0, "crypto_sign_detached failed")
        return signature
    }

    /// Whether `signature` is a valid signature of `message` by `publicKey`.
    static func isValid(_ signature: [UInt8], of message: [UInt8], by publicKey: [UInt8]) -> Bool {
        ready()
        guard signature.count == Int(crypto_sign_BYTES),
            publicKey.count == Int(crypto_sign_PUBLICKEYBYTES)
        else { return false }
        return crypto_sign_verify_detached(signature, message, UInt64(message.count), publicKey)
            == 0
    }
}
