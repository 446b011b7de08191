/// Dates from which rules changed; rules read the BSD's creation date, so a BSD keeps the
/// rules it was created under for its whole life.
public enum RuleDates {
    /// From this day, `wasteDetails.isSubjectToADR` must be set (release 2025.05.2).
    public static let adrFlagMandatory = Timestamp(year: 2025, month: 6, day: 4)

    /// Whether the ADR flag is mandatory for a BSD created at `createdAt`.
    public static func isADRFlagMandatory(createdAt: Timestamp) -> Bool {
        createdAt >= adrFlagMandatory
    }
}
