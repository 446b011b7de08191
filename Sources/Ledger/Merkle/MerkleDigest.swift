/// A SHA-256 digest held inline, without heap storage: the Merkle tree makes about two short
/// hashes per event, and an array per hash would cost more than the hashing. ``Hash`` is
/// what leaves the module.
struct MerkleDigest: Sendable, Equatable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// All zero bytes; a buffer to hash into.
    init() {}

    /// Copies 32 digest bytes.
    init(_ bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == 32, "a SHA-256 digest has 32 bytes, got \(bytes.count)")
        Swift.withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: bytes) }
    }

    /// The same digest as `hash`.
    init(_ hash: Hash) {
        self = hash.bytes.withUnsafeBytes { MerkleDigest($0) }
    }

    /// The digest as a ``Hash``.
    var hash: Hash {
        Hash(bytes: withBytes { Array($0) })
    }

    /// Calls `body` with the 32 bytes.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        Swift.withUnsafeBytes(of: words, body)
    }

    /// Calls `body` with the 32 bytes to fill.
    mutating func withMutableBytes<R>(_ body: (UnsafeMutableRawBufferPointer) -> R) -> R {
        Swift.withUnsafeMutableBytes(of: &words, body)
    }

    static func == (left: MerkleDigest, right: MerkleDigest) -> Bool {
        left.words.0 == right.words.0 && left.words.1 == right.words.1
            && left.words.2 == right.words.2 && left.words.3 == right.words.3
    }
}
