/// Appends bytes into memory reserved in advance, without per-append allocation or checks
/// beyond a debug-build bound check. Used to build records on the writer's hot path.
struct ByteSink {
    let base: UnsafeMutableRawPointer
    let capacity: Int
    private(set) var count = 0

    init(_ buffer: UnsafeMutableRawBufferPointer) {
        base = buffer.baseAddress!
        capacity = buffer.count
    }

    mutating func append(_ text: StaticString) {
        append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        assert(count + bytes.count <= capacity, "record buffer too small")
        guard let source = bytes.baseAddress else { return }
        (base + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    mutating func append(byte: UInt8) {
        assert(count < capacity, "record buffer too small")
        base.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    /// Appends `value` in plain decimal.
    mutating func appendDecimal(_ value: UInt64) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let length = withUnsafeMutableBytes(of: &digits) { scratch in
            var rest = value
            var index = 24
            repeat {
                index -= 1
                scratch[index] = UInt8(truncatingIfNeeded: rest % 10) + 0x30
                rest /= 10
            } while rest > 0
            append(UnsafeRawBufferPointer(rebasing: scratch[index..<24]))
            return 24 - index
        }
        _ = length
    }

    /// Appends the canonical text form of an event id (36 bytes).
    mutating func append(_ id: EventID) {
        assert(count + 36 <= capacity, "record buffer too small")
        let hex: StaticString = "0123456789abcdef"
        for nibble in 0..<32 {
            if nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20 { append(byte: 0x2D) }
            let word = nibble < 16 ? id.high : id.low
            let digit = Int((word >> UInt64(60 - 4 * (nibble & 15))) & 0xF)
            append(byte: hex.utf8Start[digit])
        }
    }

    /// Appends a timestamp in the envelope's text form (27 bytes).
    mutating func appendTimestamp(_ microseconds: Int64) {
        assert(count + 27 <= capacity, "record buffer too small")
        Timestamp.write(microseconds, to: base + count)
        count += 27
    }
}
