/// A SHA-256 digest in the ledger's hash chain.
public struct Hash: Hashable, Sendable, CustomStringConvertible {
    /// The 32 bytes of the digest.
    public let bytes: [UInt8]

    /// The hash that precedes the first event: 32 zero bytes.
    public static let zero = Hash(bytes: [UInt8](repeating: 0, count: 32))

    /// Wraps 32 digest bytes.
    public init(bytes: [UInt8]) {
        precondition(bytes.count == 32, "a SHA-256 digest has 32 bytes, got \(bytes.count)")
        self.bytes = bytes
    }

    /// Lower-case hexadecimal.
    public var description: String { Hex.encode(bytes) }
}
