/// What the emitter gives when signing emission; waste fields given here complete the BSD.
public struct SignEmissionInput: Hashable, Sendable {
    /// When the emitter signed.
    public var emittedAt: Timestamp
    /// Who signed.
    public var emittedBy: String
    /// Whether the eco-organisme signs instead of the emitter.
    public var byEcoOrganisme = false
    /// The quantity, when known only now.
    public var quantity: Weight?
    /// The packagings, when known only now.
    public var packagings: [Packaging]?
    /// The ADR flag.
    public var isSubjectToADR: Bool?
    /// The ADR mention.
    public var onuCode: String?
    /// RID/ADN/IMDG mention.
    public var nonRoadRegulationMention: String?
    /// The first transporter's plates.
    public var transporterNumberPlates: [String]?

    /// Makes an input with the two required fields.
    public init(emittedAt: Timestamp, emittedBy: String) {
        self.emittedAt = emittedAt
        self.emittedBy = emittedBy
    }
}
