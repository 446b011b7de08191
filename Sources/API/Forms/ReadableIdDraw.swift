import Domain

/// Draws readable ids in Trackdéchets' current form, `BSD-YYYYMMDD-XXXXXXXXX`: the creation
/// day, then 9 characters of a random number below 32⁹ in Crockford's base-32 alphabet (no
/// I, L, O, U). Random ids need no shared counter, so creations never wait for each other;
/// the forms projection refuses an id already taken, and the resolver draws again.
enum ReadableIdDraw {
    /// The 32 characters, in value order.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// A new id for a BSD created at `now`.
    static func next(at now: Timestamp) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(at: now, random: UInt64.random(in: 0..<(1 << 45), using: &generator))
    }

    /// The id for `now` and the random number `value` (below 2⁴⁵ = 32⁹).
    static func make(at now: Timestamp, random value: UInt64) -> String {
        var suffix: [Character] = []
        var rest = value
        for _ in 0..<9 {
            suffix.append(alphabet[Int(rest % 32)])
            rest /= 32
        }
        return "BSD-" + day(now) + "-" + String(suffix.reversed())
    }

    /// `yyyyMMdd` of the UTC day `now` falls in.
    static func day(_ now: Timestamp) -> String {
        let (year, month, day) = civil(fromDays: now.dayNumber)
        return pad(year, 4) + pad(month, 2) + pad(day, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01.
    static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
