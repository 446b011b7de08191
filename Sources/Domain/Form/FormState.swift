/// The BSD aggregate as rebuilt by folding its stream's events with ``FormEvolver``.
///
/// A state with `exists == false` stands for a stream with no event yet.
public struct FormState: Hashable, Sendable {
    /// Whether the BSD has been created.
    public var exists = false
    /// Opaque unique id; the stream is `form-<id>`.
    public var id = ""
    /// Human-readable id `TD-YY-AAA00001`.
    public var readableId = ""
    /// Current status.
    public var status = FormStatus.draft
    /// The editable content.
    public var content = FormContent()
    /// When the BSD was created; date-keyed rules read it.
    public var createdAt = Timestamp(microseconds: 0)
    /// When the BSD last changed.
    public var updatedAt = Timestamp(microseconds: 0)
    /// Who created it.
    public var createdBy = Actor(userId: "")
    /// The companies that may read it while it is a draft (reference §5), sorted: those named
    /// on it of which its author was a member when it was created or last updated. Nil for
    /// a BSD whose events do not record them; its author's acting company reads the draft.
    public var draftReaderOrgIds: [String]?
    /// Whether it was soft-deleted.
    public var isDeleted = false
    /// The readable id of the BSD it was duplicated from.
    public var isDuplicateOf: String?
    /// Whether it was imported from a paper BSD.
    public var isImportedFromPaper = false
    /// The emission signature.
    public var emission: EmissionSignature?
    /// Take-over signatures, in chain order.
    public var transportSignatures: [TransportSignature] = []
    /// Reception and acceptance at the (final) destination.
    public var reception: Reception?
    /// The treatment done.
    public var processing: Processing?
    /// The temporary-storage part, once the waste reached a temporary storer.
    public var temporaryStorage: TemporaryStorage?
    /// The regroupement BSDs this BSD was grouped into, with quantities (annexe 2).
    public var groupedIn: [GroupingFraction] = []
    /// When the waste was first taken over; for an annexe-1 container, its first item's
    /// pickup.
    public var firstPickupAt: Timestamp?
    /// The annexe-1 container this item belongs to.
    public var appendix1ContainerId: String?
    /// Why the BSD was cancelled.
    public var cancellationReason: String?
    /// Number of events folded into this state; the stream version.
    public var version = 0

    /// A state for a stream with no event; `id` names the BSD asked for, so that a refusal
    /// can say which one does not exist.
    public init(id: String = "") {
        self.id = id
    }

    /// The stream id of a BSD's events.
    public static func streamId(formId: String) -> String { "form-" + formId }

    /// The BSD's quantity accepted at its destination, base of annexe-2 grouping.
    public var acceptedQuantity: Weight? {
        if let reception, let accepted = reception.quantityAccepted { return accepted }
        return temporaryStorage?.reception.quantityAccepted
    }

    /// The total quantity already grouped into regroupement BSDs.
    public var groupedQuantity: Weight {
        groupedIn.reduce(Weight.zero) { $0 + ($1.quantity ?? .zero) }
    }
}
