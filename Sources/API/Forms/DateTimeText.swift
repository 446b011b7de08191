import Domain

/// The date-time texts integrations send, read as microseconds since the epoch, UTC.
///
/// Accepted: an RFC 3339 date-time (`2024-01-05T10:00:00.123+01:00`, `Z` or an offset); the
/// same without offset, read as UTC (`2024-01-05T10:00:00`); seconds may be left out
/// (`2024-01-05T10:00`); a date alone, read as midnight UTC (`2024-01-05`). The separator may
/// be `T`, `t` or a space; fractions beyond the microsecond are dropped.
enum DateTimeText {
    /// The instant `text` names, in µs since 1970-01-01T00:00:00Z; nil when it is none of
    /// the accepted forms or names no real date.
    static func microseconds(_ text: String) -> Int64? {
        var scanner = Scanner(bytes: Array(text.utf8))
        guard let day = scanner.date() else { return nil }
        if scanner.atEnd { return day }
        guard scanner.take(anyOf: [0x54, 0x74, 0x20]), let time = scanner.time() else {
            return nil
        }
        let offset = scanner.atEnd ? 0 : scanner.offset()
        guard let offset, scanner.atEnd else { return nil }
        return day + time - offset
    }

    /// A cursor over the text's bytes.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        /// Takes the next byte when it is one of `choices`.
        mutating func take(anyOf choices: [UInt8]) -> Bool {
            guard index < bytes.count, choices.contains(bytes[index]) else { return false }
            index += 1
            return true
        }

        /// Takes exactly `count` digits as a number.
        mutating func number(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }

        /// `YYYY-MM-DD` as the µs of its midnight UTC.
        mutating func date() -> Int64? {
            guard let year = number(4), take(anyOf: [0x2D]), let month = number(2),
                take(anyOf: [0x2D]), let day = number(2), (1...12).contains(month),
                day >= 1, day <= DateTimeText.days(inMonth: month, year: year)
            else { return nil }
            return Timestamp(year: year, month: month, day: day).microseconds
        }

        /// `HH:MM[:SS[.fraction]]` as µs since midnight; a leap second 60 is accepted.
        mutating func time() -> Int64? {
            guard let hour = number(2), take(anyOf: [0x3A]), let minute = number(2),
                hour < 24, minute < 60
            else { return nil }
            var second = 0
            var fraction = 0
            if take(anyOf: [0x3A]) {
                guard let value = number(2), value <= 60 else { return nil }
                second = value
                if take(anyOf: [0x2E]) {
                    guard let value = self.fraction() else { return nil }
                    fraction = value
                }
            }
            return Int64((hour * 60 + minute) * 60 + second) * 1_000_000 + Int64(fraction)
        }

        /// One or more digits after the point, as µs (digits past the sixth are dropped).
        mutating func fraction() -> Int? {
            var value = 0
            var count = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                if count < 6 { value = value * 10 + Int(bytes[index] - 0x30) }
                count += 1
                index += 1
            }
            guard count > 0 else { return nil }
            for _ in count..<max(count, 6) { value *= 10 }
            return value
        }

        /// `Z`, `z` or `±HH:MM`, as µs ahead of UTC.
        mutating func offset() -> Int64? {
            if take(anyOf: [0x5A, 0x7A]) { return 0 }
            guard index < bytes.count else { return nil }
            let sign: Int64 = bytes[index] == 0x2D ? -1 : 1
            guard take(anyOf: [0x2B, 0x2D]), let hours = number(2), take(anyOf: [0x3A]),
                let minutes = number(2), hours < 24, minutes < 60
            else { return nil }
            return sign * Int64(hours * 60 + minutes) * 60_000_000
        }
    }

    /// The number of days of `month` in `year` (proleptic Gregorian).
    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
