import Domain

/// The steps where a BSD can wait, each with its own delay in a traceability report.
public enum TraceabilityStep: String, CaseIterable, Sendable {
    /// Sealed or signed by its emitter (or the temporary storer), not yet taken over.
    case awaitingPickup = "AWAITING_PICKUP"
    /// Taken over, not yet received.
    case inTransit = "IN_TRANSIT"
    /// Received, acceptance not yet signed.
    case awaitingAcceptance = "AWAITING_ACCEPTANCE"
    /// Accepted, treatment (or the onward journey) not yet recorded.
    case awaitingTreatment = "AWAITING_TREATMENT"
    /// Treated by a grouping operation, not yet in an annexe-2 BSD that reached a final
    /// treatment: the chain is open.
    case awaitingGroup = "AWAITING_GROUP"

    /// The step a BSD in `status` waits at; nil for drafts and final statuses.
    public static func of(_ status: FormStatus) -> TraceabilityStep? {
        switch status {
        case .sealed, .signedByProducer, .resealed, .signedByTempStorer: .awaitingPickup
        case .sent, .resent: .inTransit
        case .received, .tempStored: .awaitingAcceptance
        case .accepted, .tempStorerAccepted: .awaitingTreatment
        case .awaitingGroup, .grouped: .awaitingGroup
        default: nil
        }
    }

    /// The default delay in µs: 30 days before pickup, 3 days in transit, 2 days before
    /// acceptance, 30 days before treatment (the reference's one month to send back the
    /// certificate), a year for an open annexe-2 chain (the longest storage before
    /// disposal).
    public var defaultDelay: Int64 {
        let day: Int64 = 86_400_000_000
        switch self {
        case .awaitingPickup: return 30 * day
        case .inTransit: return 3 * day
        case .awaitingAcceptance: return 2 * day
        case .awaitingTreatment: return 30 * day
        case .awaitingGroup: return 365 * day
        }
    }

    /// When `state` entered its current step, as far as its signatures tell; else its last
    /// change.
    static func since(_ state: FormState) -> Int64 {
        let start: Timestamp? =
            switch state.status {
            case .signedByProducer: state.emission?.emittedAt
            case .signedByTempStorer: state.temporaryStorage?.emission?.emittedAt
            case .sent: state.transportSignatures.last?.takenOverAt
            case .resent: state.temporaryStorage?.transport?.takenOverAt
            case .received: state.reception?.receivedAt
            case .tempStored: state.temporaryStorage?.reception.receivedAt
            case .accepted: state.reception?.signedAt ?? state.reception?.receivedAt
            case .tempStorerAccepted: state.temporaryStorage?.reception.signedAt
            case .awaitingGroup: state.processing?.processedAt
            default: nil
            }
        return (start ?? state.updatedAt).microseconds
    }
}
