/// An instant in UTC, as microseconds since 1970-01-01T00:00:00Z.
///
/// The domain never reads a clock: instants come in through commands and the decision context.
public struct Timestamp: Hashable, Comparable, Sendable {
    /// Microseconds since the Unix epoch, UTC.
    public var microseconds: Int64

    /// Makes an instant from microseconds since the epoch.
    public init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    /// Midnight UTC of a civil date (proleptic Gregorian calendar).
    public init(year: Int, month: Int, day: Int) {
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        microseconds = Int64(days) * 86_400_000_000
    }

    /// Orders instants chronologically.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.microseconds < rhs.microseconds
    }

    /// The UTC calendar day this instant falls in, as days since 1970-01-01.
    public var dayNumber: Int64 {
        microseconds.dividedFlooring(by: 86_400_000_000)
    }

    /// The UTC calendar year this instant falls in.
    public var year: Int {
        let days = Int(microseconds.dividedFlooring(by: 86_400_000_000))
        return Self.civilYear(fromDays: days)
    }

    /// Days since 1970-01-01 of a civil date; the era arithmetic keeps it exact for any year.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil year of a day count since 1970-01-01.
    static func civilYear(fromDays days: Int) -> Int {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let year = yearOfEra + era * 400
        return monthIndex >= 10 ? year + 1 : year
    }
}

extension Int64 {
    /// Division rounding towards negative infinity, so instants before 1970 map to the
    /// right day.
    func dividedFlooring(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
