/// The head of the log as the writer sees it: last position, last hash, last time.
struct ChainState: Sendable {
    var position: UInt64 = 0
    var hash: Hash = .zero
    var recordedAt: Int64 = 0

    static let metaKey = Array("head".utf8)

    /// Meta record: position (8 bytes, big-endian), hash (32), recorded-at (8, big-endian).
    var encoded: [UInt8] {
        var bytes = BigEndian.bytes(position)
        bytes += hash.bytes
        BigEndian.append(UInt64(bitPattern: recordedAt), to: &bytes)
        return bytes
    }

    init() {}

    init(position: UInt64, hash: Hash, recordedAt: Int64) {
        self.position = position
        self.hash = hash
        self.recordedAt = recordedAt
    }

    init?(decoding bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 48 else { return nil }
        position = BigEndian.read(bytes)
        hash = Hash(bytes: Array(bytes[8..<40]))
        recordedAt = Int64(bitPattern: BigEndian.read(bytes, at: 40))
    }
}
