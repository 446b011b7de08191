import CCrypto

/// SHA-1, exposed for protocols that still name it (the WebSocket handshake). It is broken
/// for collisions: never use it for the hash chain, signatures or anything an attacker can
/// choose both sides of.
public enum SHA1 {
    /// The 20-byte SHA-1 digest of `bytes`, from OpenSSL's one-shot `EVP_Digest`.
    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var length: UInt32 = 0
        let digest = [UInt8](unsafeUninitializedCapacity: 20) { buffer, count in
            let ok = bytes.withUnsafeBytes {
                EVP_Digest($0.baseAddress, $0.count, buffer.baseAddress, &length, EVP_sha1(), nil)
            }
            precondition(ok == 1 && length == 20, "OpenSSL SHA-1 failed")
            count = 20
        }
        return digest
    }
}
