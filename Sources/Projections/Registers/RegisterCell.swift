/// One value of a register row, typed so each format can write it its own way.
public enum RegisterCell: Equatable, Sendable {
    /// Free text (nil: empty).
    case text(String?)
    /// A calendar day, from an instant in µs (nil: empty).
    case date(Int64?)
    /// Yes or no (nil: empty), written `O` or `N`.
    case flag(Bool?)
    /// A mass in grams, written in tonnes with 3 decimals (nil: empty).
    case tonnes(Int64?)

    /// The cell as register text: dates `yyyy-MM-dd`, flags `O`/`N`, tonnes with 3
    /// decimals.
    public var text: String {
        switch self {
        case .text(let value): value ?? ""
        case .date(let value): value.map(CivilDate.format) ?? ""
        case .flag(let value): value.map { $0 ? "O" : "N" } ?? ""
        case .tonnes(let grams): grams.map(Self.tonnesText) ?? ""
        }
    }

    /// Grams as tonnes rounded to the kilogram: `1234567` → `1.235`.
    static func tonnesText(_ grams: Int64) -> String {
        let negative = grams < 0
        let kilograms = (abs(grams) + 500) / 1000
        let fraction = String(kilograms % 1000)
        let padded = String(repeating: "0", count: 3 - fraction.count) + fraction
        return (negative ? "-" : "") + "\(kilograms / 1000).\(padded)"
    }
}

/// Calendar days of UTC instants.
enum CivilDate {
    /// The (year, month, day) of an instant in µs since the epoch.
    static func parts(_ microseconds: Int64) -> (Int, Int, Int) {
        var days = microseconds / 86_400_000_000
        if microseconds % 86_400_000_000 < 0 { days -= 1 }
        // Days since 0000-03-01 split in 400-year eras, as in the proleptic calendar.
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

    /// `yyyy-MM-dd`.
    static func format(_ microseconds: Int64) -> String {
        let (year, month, day) = parts(microseconds)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `yyyy-MM-dd HH:mm:ss` UTC.
    static func formatDateTime(_ microseconds: Int64) -> String {
        var seconds = microseconds / 1_000_000
        if microseconds % 1_000_000 < 0 { seconds -= 1 }
        let ofDay = Int(((seconds % 86_400) + 86_400) % 86_400)
        return format(microseconds) + " \(pad(ofDay / 3600, 2)):\(pad(ofDay % 3600 / 60, 2)):"
            + pad(ofDay % 60, 2)
    }

    /// Midnight UTC of a `yyyy-MM-dd` day, in µs; nil when malformed.
    static func parse(_ text: String) -> Int64? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]),
            let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month),
            (1...31).contains(day)
        else { return nil }
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let midnight = Int64(days) * 86_400_000_000
        return format(midnight) == text ? midnight : nil
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
