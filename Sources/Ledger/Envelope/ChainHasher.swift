import CCrypto

/// Computes the hash chain: hash(n) = SHA-256(hash(n-1) ‖ canonical envelope bytes of n).
/// OpenSSL's libcrypto is used because it takes the CPU's SHA extensions where present. The
/// digest implementation is fetched once (an implicit fetch per call costs more than hashing
/// a whole record). One hasher per thread: it keeps an OpenSSL context between calls.
final class ChainHasher {
    let context: OpaquePointer
    let digestType: OpaquePointer

    init() {
        guard let context = EVP_MD_CTX_new(), let digest = EVP_MD_fetch(nil, "SHA256", nil) else {
            fatalError("OpenSSL could not provide SHA-256")
        }
        self.context = context
        self.digestType = digest
    }

    deinit {
        EVP_MD_CTX_free(context)
        EVP_MD_free(digestType)
    }

    /// The chain hash of `envelope` following `previous`.
    func hash(previous: UnsafeRawBufferPointer, envelope: UnsafeRawBufferPointer) -> Hash {
        var length: UInt32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
            let ok =
                EVP_DigestInit_ex2(context, digestType, nil) == 1
                && EVP_DigestUpdate(context, previous.baseAddress, previous.count) == 1
                && EVP_DigestUpdate(context, envelope.baseAddress, envelope.count) == 1
                && EVP_DigestFinal_ex(context, buffer.baseAddress, &length) == 1
            precondition(ok && length == 32, "OpenSSL SHA-256 failed")
            count = 32
        }
        return Hash(bytes: bytes)
    }
}
