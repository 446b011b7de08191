import Domain

/// The arguments of `forms` (reference §6): the company, filters, and one pagination
/// direction. Results are newest first (creation order, descending).
public struct FormsFilter: Sendable {
    /// The company whose BSDs are listed; must be one of the caller's.
    public var siret: String
    /// Keep BSDs where the company has one of these roles (nil: any).
    public var roles: Set<FormRole>?
    /// Keep BSDs in one of these statuses (nil: any).
    public var status: Set<FormStatus>?
    /// Keep BSDs where the company has (true) or has not (false) the next step.
    public var hasNextStep: Bool?
    /// Keep BSDs on which this other company is also named.
    public var siretPresentOnForm: String?
    /// Keep BSDs with this waste code.
    public var wasteCode: String?
    /// Keep BSDs with this custom id.
    public var customId: String?
    /// Keep BSDs changed strictly after this instant (µs).
    public var updatedAfter: Int64?
    /// Keep BSDs first taken over strictly after this instant (µs).
    public var sentAfter: Int64?
    /// Page size going towards older BSDs (default 50, at most 100).
    public var first: Int?
    /// Start just after (older than) this BSD id.
    public var cursorAfter: String?
    /// Page size going towards newer BSDs (at most 100).
    public var last: Int?
    /// Start just before (newer than) this BSD id.
    public var cursorBefore: String?

    /// The largest page.
    public static let maximumPage = 100
    /// The page size when neither `first` nor `last` is given.
    public static let defaultPage = 50

    /// A filter listing every BSD of `siret`.
    public init(siret: String) {
        self.siret = siret
    }

    /// Whether a list entry passes every filter.
    func accepts(_ summary: FormSummary) -> Bool {
        if let roles, summary.roles.isDisjoint(with: roles) { return false }
        if let status, !status.contains(summary.status) { return false }
        if let hasNextStep, summary.hasNextStep != hasNextStep { return false }
        if let other = siretPresentOnForm, !summary.orgIds.contains(other) { return false }
        if let wasteCode, summary.wasteCode != wasteCode { return false }
        if let customId, summary.customId != customId { return false }
        if let updatedAfter, summary.updatedAt <= updatedAfter { return false }
        if let sentAfter, (summary.sentAt ?? .min) <= sentAfter { return false }
        return true
    }
}
