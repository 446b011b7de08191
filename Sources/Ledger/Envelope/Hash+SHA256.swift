import CCrypto

extension Hash {
    /// The SHA-256 digest of `parts` taken one after the other, for callers outside the hash
    /// chain (request fingerprints, checksums). Each call sets up its own OpenSSL context, so
    /// it is for occasional use; the chain keeps one ``ChainHasher`` per thread instead.
    public static func sha256(_ parts: [UInt8]...) -> Hash {
        guard let context = EVP_MD_CTX_new() else { fatalError("OpenSSL could not allocate") }
        defer { EVP_MD_CTX_free(context) }
        var length: UInt32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
            var ok = EVP_DigestInit_ex2(context, EVP_sha256(), nil) == 1
            for part in parts where ok {
                ok =
                    part.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
                    == 1
            }
            ok = ok && EVP_DigestFinal_ex(context, buffer.baseAddress, &length) == 1
            precondition(ok && length == 32, "OpenSSL SHA-256 failed")
            count = 32
        }
        return Hash(bytes: bytes)
    }
}
