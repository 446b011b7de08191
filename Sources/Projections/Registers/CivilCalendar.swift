/// Calendar text of UTC instants for other modules: the register's own date rules.
public enum CivilCalendar {
    /// `yyyy-MM-dd` of an instant in µs.
    public static func day(_ microseconds: Int64) -> String { CivilDate.format(microseconds) }

    /// `yyyy-MM` of an instant in µs.
    public static func month(_ microseconds: Int64) -> String {
        String(CivilDate.format(microseconds).prefix(7))
    }

    /// Midnight UTC of a `yyyy-MM-dd` day in µs; nil when malformed.
    public static func parseDay(_ text: String) -> Int64? { CivilDate.parse(text) }
}
