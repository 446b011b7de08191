import Domain

/// Something a traceability report flags on one BSD.
public struct TraceabilityAnomaly: Equatable, Sendable {
    /// What kind of problem.
    public enum Kind: String, CaseIterable, Sendable {
        /// The BSD waits at a step longer than the step's delay.
        case stuck = "STUCK"
        /// A received quantity differs from the emitted one beyond the tolerance.
        case quantityMismatch = "QUANTITY_MISMATCH"
        /// A treatment is recorded but no reception.
        case treatmentWithoutReception = "TREATMENT_WITHOUT_RECEPTION"
        /// An annexe-2 chain started from this BSD reaches no final treatment after the
        /// AWAITING_GROUP delay.
        case openChain = "OPEN_CHAIN"
    }

    /// What kind of problem.
    public var kind: Kind
    /// The BSD's id.
    public var formId: String
    /// Its readable id.
    public var readableId: String
    /// Its status.
    public var status: FormStatus
    /// The step it waits at (STUCK, OPEN_CHAIN).
    public var step: TraceabilityStep?
    /// Since when it waits (µs; STUCK, OPEN_CHAIN: the open end's last step).
    public var since: Int64?
    /// The quantity that left, in grams (QUANTITY_MISMATCH).
    public var emitted: Weight?
    /// The quantity received, in grams (QUANTITY_MISMATCH).
    public var received: Weight?
    /// The readable ids where the chain is still open (OPEN_CHAIN).
    public var openAt: [String] = []

    /// Makes an anomaly.
    public init(kind: Kind, state: FormState) {
        self.kind = kind
        formId = state.id
        readableId = state.readableId
        status = state.status
    }
}
