import CCrypto

/// The two hashes of an RFC 9162 Merkle tree: a leaf is SHA-256(0x00 ‖ leaf data), an inner
/// node SHA-256(0x01 ‖ left ‖ right). The distinct prefixes keep a leaf from passing for a
/// node. In the ledger's tree the leaf data of an event is its 32-byte chain hash.
///
/// The input (33 or 65 bytes) is laid out in a stack buffer and given to OpenSSL in one
/// update, and the result lands in a ``MerkleDigest``: no allocation per hash.
extension ChainHasher {
    /// The leaf hash of an event whose chain hash is `chainHash`.
    func leaf(_ chainHash: UnsafeRawBufferPointer) -> MerkleDigest {
        precondition(chainHash.count == 32, "a chain hash has 32 bytes")
        return withUnsafeTemporaryAllocation(byteCount: 33, alignment: 8) { input in
            input[0] = Self.leafPrefix
            UnsafeMutableRawBufferPointer(rebasing: input[1...]).copyMemory(from: chainHash)
            return digest(UnsafeRawBufferPointer(input))
        }
    }

    /// The leaf hash of an event whose chain hash is `chainHash`.
    func leaf(_ chainHash: Hash) -> MerkleDigest {
        chainHash.bytes.withUnsafeBytes { leaf($0) }
    }

    /// The hash of the inner node over `left` and `right`.
    func node(_ left: MerkleDigest, _ right: MerkleDigest) -> MerkleDigest {
        withUnsafeTemporaryAllocation(byteCount: 65, alignment: 8) { input in
            input[0] = Self.nodePrefix
            left.withBytes {
                UnsafeMutableRawBufferPointer(rebasing: input[1..<33]).copyMemory(from: $0)
            }
            right.withBytes {
                UnsafeMutableRawBufferPointer(rebasing: input[33..<65]).copyMemory(from: $0)
            }
            return digest(UnsafeRawBufferPointer(input))
        }
    }

    private static let leafPrefix: UInt8 = 0
    private static let nodePrefix: UInt8 = 1

    private func digest(_ input: UnsafeRawBufferPointer) -> MerkleDigest {
        var result = MerkleDigest()
        var length: UInt32 = 0
        let ok = result.withMutableBytes { output in
            EVP_DigestInit_ex2(context, digestType, nil) == 1
                && EVP_DigestUpdate(context, input.baseAddress, input.count) == 1
                && EVP_DigestFinal_ex(
                    context, output.baseAddress?.assumingMemoryBound(to: UInt8.self), &length)
                    == 1
        }
        precondition(ok && length == 32, "OpenSSL SHA-256 failed")
        return result
    }
}
