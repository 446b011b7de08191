import CCrypto

/// The two hashes of an RFC 9162 Merkle tree: a leaf is SHA-256(0x00 ‖ leaf data), an inner
/// node SHA-256(0x01 ‖ left ‖ right). The distinct prefixes keep a leaf from passing for a
/// node. In the ledger's tree the leaf data of an event is its 32-byte chain hash.
extension ChainHasher {
    /// The leaf hash of an event whose chain hash is `chainHash`.
    func leaf(_ chainHash: UnsafeRawBufferPointer) -> Hash {
        digest(Self.leafPrefix, chainHash, nil)
    }

    /// The leaf hash of an event whose chain hash is `chainHash`.
    func leaf(_ chainHash: Hash) -> Hash {
        chainHash.bytes.withUnsafeBytes { leaf($0) }
    }

    /// The hash of the inner node over `left` and `right`.
    func node(_ left: Hash, _ right: Hash) -> Hash {
        left.bytes.withUnsafeBytes { leftBytes in
            right.bytes.withUnsafeBytes { rightBytes in
                digest(Self.nodePrefix, leftBytes, rightBytes)
            }
        }
    }

    private static let leafPrefix: UInt8 = 0
    private static let nodePrefix: UInt8 = 1

    private func digest(
        _ prefix: UInt8, _ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer?
    ) -> Hash {
        var length: UInt32 = 0
        var prefix = prefix
        let bytes = [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
            var ok =
                EVP_DigestInit_ex2(context, digestType, nil) == 1
                && EVP_DigestUpdate(context, &prefix, 1) == 1
                && EVP_DigestUpdate(context, first.baseAddress, first.count) == 1
            if let second {
                ok = ok && EVP_DigestUpdate(context, second.baseAddress, second.count) == 1
            }
            ok = ok && EVP_DigestFinal_ex(context, buffer.baseAddress, &length) == 1
            precondition(ok && length == 32, "OpenSSL SHA-256 failed")
            count = 32
        }
        return Hash(bytes: bytes)
    }
}
