/// Writes JSON in the canonical form: no whitespace, object members in ascending order of
/// their UTF-8 key bytes, integers in plain decimal, other numbers in Swift's shortest
/// round-trip form, strings escaping only `"`, `\` and control characters.
///
/// Typed encoders write members in key order themselves (keys are known at compile time);
/// ``JSONValue`` sorts its dictionary keys. ``CanonicalJSON/validate(_:)`` checks the result.
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8]
    // One flag per open container: whether a separator is due before the next element.
    private var needsComma: [Bool] = []
    private var afterKey = false

    /// Starts an empty document, reserving `capacity` bytes.
    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Opens an object; close it with ``endObject()``.
    public mutating func beginObject() {
        prepareValue()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    /// Opens an array; close it with ``endArray()``.
    public mutating func beginArray() {
        prepareValue()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    /// Closes the innermost array.
    public mutating func endArray() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes an object member's key; the next value written is its value.
    public mutating func key(_ name: String) {
        prepareValue()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Writes an object member's key known at compile time, which must need no escaping;
    /// the next value written is its value.
    public mutating func key(_ name: StaticString) {
        prepareValue()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(
            contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Writes `null`.
    public mutating func null() {
        prepareValue()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        prepareValue()
        if value {
            bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        } else {
            bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        }
    }

    /// Writes an integer in plain decimal.
    public mutating func int(_ value: Int64) {
        prepareValue()
        appendDecimal(value)
    }

    /// Writes a finite number in Swift's shortest round-trip form (`1.5`, `1e-07`).
    /// - Precondition: `value` is finite; JSON has no NaN or infinity.
    public mutating func double(_ value: Double) {
        precondition(value.isFinite, "JSON numbers must be finite, got \(value)")
        prepareValue()
        // -0.0 equals 0.0, so both are written alike.
        bytes.append(contentsOf: (value == 0 ? "0.0" : value.description).utf8)
    }

    /// Writes a string, escaping what JSON requires and nothing else.
    public mutating func string(_ value: String) {
        prepareValue()
        appendQuoted(value)
    }

    /// Appends bytes that already hold one complete canonical JSON value.
    public mutating func raw(_ json: some Collection<UInt8>) {
        prepareValue()
        bytes.append(contentsOf: json)
    }

    private mutating func prepareValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = needsComma.indices.last else { return }
        if needsComma[last] { bytes.append(UInt8(ascii: ",")) }
        needsComma[last] = true
    }

    private mutating func appendDecimal(_ value: Int64) {
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // scratch for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { scratch in
            while magnitude > 0 {
                scratch[count] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) {
                bytes.append(scratch[index])
            }
        }
    }

    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        let plain = text.withUTF8 { utf8 in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
                return false
            }
            bytes.append(contentsOf: utf8)
            return true
        }
        if !plain { appendEscaped(text) }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
    }
}
