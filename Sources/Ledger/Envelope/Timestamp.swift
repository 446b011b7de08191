import Glibc

/// Microsecond UTC timestamps: the clock, and the fixed text form used in envelopes.
public enum Timestamp {
    /// Now, in microseconds since 1970-01-01T00:00:00Z.
    public static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1000
    }

    /// `yyyy-MM-ddTHH:mm:ss.ffffffZ`, always 27 characters for years 0000–9999.
    public static func format(_ microseconds: Int64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(27)
        append(microseconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the text form of `microseconds` to `bytes`.
    static func append(_ microseconds: Int64, to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: 27))
        bytes.withUnsafeMutableBytes { write(microseconds, to: $0.baseAddress! + start) }
    }

    /// Writes the 27-byte text form of `microseconds` at `target`.
    static func write(_ microseconds: Int64, to target: UnsafeMutableRawPointer) {
        let seconds = microseconds.floorDivided(by: 1_000_000)
        let fraction = microseconds - seconds * 1_000_000
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        var offset = 0
        func put(_ value: Int64, _ width: Int, then separator: UInt8?) {
            var rest = value
            for index in stride(from: width - 1, through: 0, by: -1) {
                target.storeBytes(
                    of: UInt8(truncatingIfNeeded: rest % 10) + 0x30, toByteOffset: offset + index,
                    as: UInt8.self)
                rest /= 10
            }
            offset += width
            if let separator {
                target.storeBytes(of: separator, toByteOffset: offset, as: UInt8.self)
                offset += 1
            }
        }
        put(year, 4, then: UInt8(ascii: "-"))
        put(month, 2, then: UInt8(ascii: "-"))
        put(day, 2, then: UInt8(ascii: "T"))
        put(secondOfDay / 3600, 2, then: UInt8(ascii: ":"))
        put(secondOfDay % 3600 / 60, 2, then: UInt8(ascii: ":"))
        put(secondOfDay % 60, 2, then: UInt8(ascii: "."))
        put(fraction, 6, then: UInt8(ascii: "Z"))
    }

    /// Proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's method).
    static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
        let shifted = daysSinceEpoch + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

extension Int64 {
    /// Division rounding toward negative infinity.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
