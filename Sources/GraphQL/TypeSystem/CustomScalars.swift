import Foundation

extension GraphQLScalarType {
    /// `DateTime`: an RFC 3339 date and time with an offset, such as `2024-05-01T12:30:00Z`.
    ///
    /// Values travel as strings; the scalar checks their shape and field ranges. Resolvers may
    /// also return a Foundation `Date`, written in UTC with milliseconds.
    public static let dateTime = GraphQLScalarType(
        "DateTime", description: "A date and time with an offset, written as in RFC 3339.",
        specifiedByURL: "https://datatracker.ietf.org/doc/html/rfc3339",
        serialize: { value in
            if let date = value as? Date { return .string(DateTimeFormat.string(from: date)) }
            guard let text = BuiltInScalars.text(value), DateTimeFormat.isValid(text) else {
                throw BuiltInScalars.failure(
                    "DateTime needs an RFC 3339 date and time, not \(value).")
            }
            return .string(text)
        },
        parseValue: { value in
            guard case .string(let text) = value, DateTimeFormat.isValid(text) else {
                throw BuiltInScalars.failure(
                    "DateTime needs an RFC 3339 date and time, not \(value.jsonText).")
            }
            return value
        },
        parseLiteral: { literal, _ in
            guard case .string(let text, _) = literal.kind, DateTimeFormat.isValid(text) else {
                throw BuiltInScalars.failure("DateTime needs an RFC 3339 string.")
            }
            return .string(text)
        })

    /// `JSON`: any JSON value, passed through unchanged.
    public static let json = GraphQLScalarType(
        "JSON", description: "Any JSON value.",
        specifiedByURL: "https://www.rfc-editor.org/rfc/rfc8259")
}

/// Checks the RFC 3339 `date-time` production without Foundation.
enum DateTimeFormat {
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard Lexer.isDigit(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), bytes[4] == 0x2D, let month = number(5..<7),
            bytes[7] == 0x2D, let day = number(8..<10), bytes[10] == 0x54 || bytes[10] == 0x74,
            let hour = number(11..<13), bytes[13] == 0x3A, let minute = number(14..<16),
            bytes[16] == 0x3A, let second = number(17..<19)
        else { return false }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 61
        else { return false }
        var index = 19
        if bytes[index] == 0x2E {
            index += 1
            let start = index
            while index < bytes.count, Lexer.isDigit(bytes[index]) { index += 1 }
            guard index > start, index < bytes.count else { return false }
        }
        if bytes[index] == 0x5A || bytes[index] == 0x7A { return index + 1 == bytes.count }
        guard bytes[index] == 0x2B || bytes[index] == 0x2D, index + 6 == bytes.count,
            let offsetHour = number(index + 1..<index + 3), bytes[index + 3] == 0x3A,
            let offsetMinute = number(index + 4..<index + 6)
        else { return false }
        return offsetHour < 24 && offsetMinute < 60
    }

    /// `date` in UTC as `YYYY-MM-DDTHH:MM:SS.mmmZ`, computed without a formatter.
    static func string(from date: Date) -> String {
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let days =
            milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds + 1) / 86_400_000 - 1
        let inDay = milliseconds - days * 86_400_000
        let (year, month, day) = civil(fromDays: days)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(inDay / 3_600_000, 2)):"
            + "\(pad(inDay / 60_000 % 60, 2)):\(pad(inDay / 1000 % 60, 2)).\(pad(inDay % 1000, 3))Z"
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's method).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
