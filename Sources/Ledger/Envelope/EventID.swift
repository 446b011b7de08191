/// A 128-bit event identifier (a UUID) chosen by the caller; appends are idempotent by it.
///
/// Callers should prefer ``EventID/timeOrdered(microseconds:)`` (UUID version 7): ids that
/// grow with time land at the end of the ledger's id index instead of at random pages.
public struct EventID: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The 16 bytes, most significant first.
    public let high: UInt64
    /// The low 8 bytes.
    public let low: UInt64

    /// Makes an id from its two halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Parses the canonical text form `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (any hex case).
    public init?(_ text: String) {
        var digits: [UInt8] = []
        digits.reserveCapacity(32)
        for (index, byte) in text.utf8.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard let nibble = Self.nibble(byte) else { return nil }
            digits.append(nibble)
        }
        guard digits.count == 32, text.utf8.count == 36 else { return nil }
        high = digits[0..<16].reduce(0) { $0 << 4 | UInt64($1) }
        low = digits[16..<32].reduce(0) { $0 << 4 | UInt64($1) }
    }

    /// A random id (UUID version 4).
    public static func random() -> EventID {
        var generator = SystemRandomNumberGenerator()
        let high = (generator.next() & ~0xF000) | 0x4000
        let low = (generator.next() & ~(0xC << 60)) | (0x8 << 60)
        return EventID(high: high, low: low)
    }

    /// A time-ordered id (UUID version 7) for the given Unix time in microseconds.
    public static func timeOrdered(microseconds: Int64) -> EventID {
        var generator = SystemRandomNumberGenerator()
        let millis = UInt64(max(0, microseconds) / 1000) & 0xFFFF_FFFF_FFFF
        let high = millis << 16 | 0x7000 | (generator.next() & 0x0FFF)
        let low = (generator.next() & ~(0xC << 60)) | (0x8 << 60)
        return EventID(high: high, low: low)
    }

    /// The 16 bytes in big-endian order, as stored in the ledger's id index.
    public var bytes: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
    }

    /// Calls `body` with the 16 big-endian bytes, without allocating.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        var pair = (high.bigEndian, low.bigEndian)
        return withUnsafeBytes(of: &pair) { body($0) }
    }

    /// Reads an id from 16 big-endian bytes.
    public init(bytes: some Collection<UInt8>) {
        precondition(bytes.count == 16, "an event id has 16 bytes, got \(bytes.count)")
        let all = Array(bytes)
        high = all[0..<8].reduce(0) { $0 << 8 | UInt64($1) }
        low = all[8..<16].reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The canonical lower-case text form.
    public var description: String {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for index in 0..<32 {
            if [8, 12, 16, 20].contains(index) { out.append(UInt8(ascii: "-")) }
            let word = index < 16 ? high : low
            let shift = UInt64(60 - 4 * (index % 16))
            out.append(hex[Int((word >> shift) & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Orders ids by their bytes.
    public static func < (lhs: EventID, rhs: EventID) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - 0x30
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - 0x57
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - 0x37
        default: nil
        }
    }
}
