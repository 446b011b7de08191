/// One BSD's contribution to the statistics: who produced the waste, what, where, when and
/// how much. Built from a BSD once it was picked up.
public struct StatisticsRecord: Hashable, Sendable {
    /// The emitter's org id; nil for a private individual or an emitter without one (such
    /// records add to quantities but never count as a company, the cautious choice).
    public var orgId: String?
    /// The waste code (`17 05 03*`).
    public var wasteCode: String
    /// The emitter's département, or ``WasteStatistics/unknownDepartment``.
    public var department: String
    /// The pickup month, `yyyy-MM`.
    public var month: String
    /// The quantity in grams.
    public var grams: Int64

    /// Makes a record.
    public init(orgId: String?, wasteCode: String, department: String, month: String, grams: Int64)
    {
        self.orgId = orgId
        self.wasteCode = wasteCode
        self.department = department
        self.month = month
        self.grams = grams
    }

    /// The waste code's chapter: its first two digits.
    public var chapter: String { String(wasteCode.prefix(2)) }
}
