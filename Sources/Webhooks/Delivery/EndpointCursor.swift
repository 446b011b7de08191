/// Where an endpoint's delivery stands, kept durably: every relevant event up to
/// `position` was acknowledged, dead-lettered or found irrelevant; the next relevant one has
/// failed `failures` times so far, and its next attempt is not before `retryAt`.
public struct EndpointCursor: Equatable, Sendable {
    /// The last ledger position handled.
    public var position: UInt64
    /// Failed attempts of the next delivery.
    public var failures: Int
    /// When the next attempt may run, µs since the epoch (0: at once).
    public var retryAt: Int64

    /// Makes a cursor.
    public init(position: UInt64, failures: Int = 0, retryAt: Int64 = 0) {
        self.position = position
        self.failures = failures
        self.retryAt = retryAt
    }

    /// 24 bytes, big-endian.
    var bytes: [UInt8] {
        Self.bigEndian(position) + Self.bigEndian(UInt64(failures))
            + Self.bigEndian(UInt64(bitPattern: retryAt))
    }

    /// Reads the 24 bytes back.
    init?(bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 24 else { return nil }
        let word = { (index: Int) in
            (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[index * 8 + $1]) }
        }
        self.init(
            position: word(0), failures: Int(word(1)), retryAt: Int64(bitPattern: word(2)))
    }

    static func bigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * UInt64($0))) }
    }
}
