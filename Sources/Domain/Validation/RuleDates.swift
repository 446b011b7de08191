/// Dates from which rules changed; rules read the BSD's creation date, so a BSD keeps the
/// rules it was created under for its whole life.
public enum RuleDates {
    /// From this day, `wasteDetails.isSubjectToADR` must be set (release 2025.05.2).
    public static let adrFlagMandatory = Timestamp(year: 2025, month: 6, day: 4)

    /// From this day, a destination needs the sub-profile matching the waste's dangerousness.
    public static let destinationSubProfilesRequired = Timestamp(year: 2024, month: 11, day: 19)

    /// From this day, a trader or broker needs the trader or broker profile.
    public static let tradingProfilesRequired = Timestamp(year: 2025, month: 2, day: 12)

    /// Whether the ADR flag is mandatory for a BSD created at `createdAt`.
    public static func isADRFlagMandatory(createdAt: Timestamp) -> Bool {
        createdAt >= adrFlagMandatory
    }
}
