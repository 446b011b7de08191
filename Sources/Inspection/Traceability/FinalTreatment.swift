import Domain

/// Where part of an initial BSD's waste ended: the BSD that recorded a final treatment (or
/// a final status), found by following the annexe-2 regroupements from the initial BSD.
public struct FinalTreatment: Equatable, Sendable {
    /// The BSD where it ended: the initial BSD itself, or a regroupement.
    public var formId: String
    /// Its readable id.
    public var readableId: String
    /// Its status (PROCESSED, NO_TRACEABILITY, FOLLOWED_WITH_PNTTD, REFUSED, CANCELED).
    public var status: FormStatus
    /// The treatment code done, when one was recorded.
    public var operationCode: String?
    /// The company that treated it.
    public var destinationOrgId: String?
    /// When it was treated (µs).
    public var processedAt: Int64?
    /// The readable ids from the initial BSD to this one, both included.
    public var path: [String]
}

/// The end of an initial BSD's chain: every final treatment reached, and the BSDs where it
/// is still open.
public struct ChainOutcome: Equatable, Sendable {
    /// The initial BSD's id.
    public var formId: String
    /// Its readable id.
    public var readableId: String
    /// Its waste code.
    public var wasteCode: String?
    /// Its status.
    public var status: FormStatus
    /// Where its waste ended.
    public var finals: [FinalTreatment] = []
    /// The BSDs of its chain that have not ended yet (itself when still under way).
    public var open: [FormState] = []

    /// Whether every branch of the chain ended.
    public var isClosed: Bool { open.isEmpty }
}
