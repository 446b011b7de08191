/// The 18 statuses of a BSDD, as named by the regulation's reference engine.
public enum FormStatus: String, CaseIterable, Sendable, JSONStringEnum {
    /// Draft: required fields may be missing.
    case draft = "DRAFT"
    /// Sealed: full validation passed.
    case sealed = "SEALED"
    /// The emitter (or eco-organisme) signed; waiting for pickup.
    case signedByProducer = "SIGNED_BY_PRODUCER"
    /// Taken over by the transporter(s); in transit.
    case sent = "SENT"
    /// Received at the destination; acceptance not yet signed.
    case received = "RECEIVED"
    /// Accepted, fully or partially, at the destination.
    case accepted = "ACCEPTED"
    /// Treatment done (final).
    case processed = "PROCESSED"
    /// Grouping operation done with a foreign next destination (final).
    case followedWithPnttd = "FOLLOWED_WITH_PNTTD"
    /// Grouping or transit operation done; waiting to be put into an annexe-2 BSD.
    case awaitingGroup = "AWAITING_GROUP"
    /// Fully included in sealed regroupement BSDs.
    case grouped = "GROUPED"
    /// Authorised traceability break (final).
    case noTraceability = "NO_TRACEABILITY"
    /// Waste fully refused (final).
    case refused = "REFUSED"
    /// Arrived at the temporary-storage site.
    case tempStored = "TEMP_STORED"
    /// Accepted by the temporary-storage site.
    case tempStorerAccepted = "TEMP_STORER_ACCEPTED"
    /// The onward part (boxes 14–19) was filled and validated.
    case resealed = "RESEALED"
    /// The temporary storer signed as emitter of the onward journey.
    case signedByTempStorer = "SIGNED_BY_TEMP_STORER"
    /// Left the temporary storage towards the final destination.
    case resent = "RESENT"
    /// Cancelled (final).
    case canceled = "CANCELED"

    /// Whether no transition leaves this status.
    public var isFinal: Bool {
        switch self {
        case .processed, .followedWithPnttd, .noTraceability, .refused, .canceled: true
        default: false
        }
    }

    /// The statuses from which a BSD may be cancelled.
    public static let cancellable: Set<FormStatus> = [
        .signedByProducer, .sent, .tempStored, .tempStorerAccepted, .resealed,
        .signedByTempStorer, .resent,
    ]
}
