import CanonicalJSON
import Testing

/// A small seeded generator (SplitMix64) so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct RoundTripPropertyTests {
    /// Characters that exercise every branch of string handling.
    static let alphabet: [Character] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1f}", "\u{7f}", "é", "€",
        "😀",
        "\u{2028}", "x", "y", "z", ".",
    ]

    private func randomString(_ generator: inout SeededGenerator) -> String {
        let length = Int.random(in: 0...40, using: &generator)
        return String((0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! })
    }

    private func randomValue(_ generator: inout SeededGenerator, depth: Int) -> JSONValue {
        switch Int.random(in: 0...(depth > 3 ? 4 : 6), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(Int64.random(in: .min ... .max, using: &generator))
        case 3: return .double(Double.random(in: -1e12...1e12, using: &generator))
        case 4: return .string(randomString(&generator))
        case 5:
            let count = Int.random(in: 0...5, using: &generator)
            return .array((0..<count).map { _ in randomValue(&generator, depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                members[randomString(&generator)] = randomValue(&generator, depth: depth + 1)
            }
            return .object(members)
        }
    }

    @Test func encodedValuesAreCanonicalAndDecodeToThemselves() throws {
        var generator = SeededGenerator(state: 20_261_203)
        for _ in 0..<2_000 {
            let value = randomValue(&generator, depth: 0)
            let bytes = CanonicalJSON.encode(value)
            try CanonicalJSON.validate(bytes)
            #expect(try CanonicalJSON.decode(JSONValue.self, from: bytes) == value)
            #expect(
                CanonicalJSON.encode(try CanonicalJSON.decode(JSONValue.self, from: bytes)) == bytes
            )
        }
    }

    @Test func anyInsertedSpaceMakesADocumentNonCanonical() throws {
        var generator = SeededGenerator(state: 7)
        var checked = 0
        while checked < 300 {
            let bytes = CanonicalJSON.encode(randomValue(&generator, depth: 0))
            // Only between tokens: find a structural byte outside strings.
            guard let offset = structuralOffset(in: bytes, &generator) else { continue }
            var spaced = bytes
            spaced.insert(0x20, at: offset + 1)
            #expect(throws: JSONError.self) { try CanonicalJSON.validate(spaced) }
            checked += 1
        }
    }

    /// A random offset of `{`, `[`, `:` or `,` outside string literals, if any.
    private func structuralOffset(in bytes: [UInt8], _ generator: inout SeededGenerator) -> Int? {
        var inString = false
        var escaped = false
        var offsets: [Int] = []
        for (offset, byte) in bytes.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                }
            } else if byte == 0x22 {
                inString = true
            } else if [0x7B, 0x5B, 0x3A, 0x2C].contains(byte) {
                offsets.append(offset)
            }
        }
        return offsets.randomElement(using: &generator)
    }
}
