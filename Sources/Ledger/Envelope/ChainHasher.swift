import CCrypto

/// Computes the hash chain: hash(n) = SHA-256(hash(n-1) ‖ canonical envelope bytes of n).
/// OpenSSL's libcrypto is used because it takes the CPU's SHA extensions where present.
/// One hasher per thread: it keeps an OpenSSL context between calls.
final class ChainHasher {
    private let context: OpaquePointer

    init() {
        guard let context = EVP_MD_CTX_new() else {
            fatalError("EVP_MD_CTX_new failed: out of memory")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// The chain hash of `envelope` following `previous`.
    func hash(previous: UnsafeRawBufferPointer, envelope: UnsafeRawBufferPointer) -> Hash {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok =
            EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1
            && EVP_DigestUpdate(context, previous.baseAddress, previous.count) == 1
            && EVP_DigestUpdate(context, envelope.baseAddress, envelope.count) == 1
            && EVP_DigestFinal_ex(context, &digest, &length) == 1
        precondition(ok && length == 32, "OpenSSL SHA-256 failed")
        return Hash(bytes: digest)
    }
}
