/// A transporter created on its own (multimodal API), folded from its stream
/// `bsdd-transporter-<id>` by ``evolve(_:)``. A state with `exists == false` stands for a
/// stream with no event yet.
public struct StandaloneTransporter: Hashable, Sendable {
    /// The transporter's id.
    public var id: String
    /// Whether it was created.
    public var exists = false
    /// Its fields, with ``Transporter/id`` set to ``id``.
    public var transporter = Transporter()
    /// Who created it.
    public var createdBy = Actor(userId: "")
    /// When it was created.
    public var createdAt = Timestamp(microseconds: 0)
    /// When it last changed.
    public var updatedAt = Timestamp(microseconds: 0)
    /// Whether it was deleted.
    public var isDeleted = false
    /// Number of events folded; the stream version.
    public var version = 0
    /// The BSD that names it, when one does. Not part of the stream: whoever loads the
    /// state fills it from the forms projection's attachment index.
    public var formId: String?

    /// A state for a stream with no event.
    public init(id: String) {
        self.id = id
    }

    /// The stream id of a standalone transporter's events.
    public static func streamId(transporterId: String) -> String {
        "bsdd-transporter-" + transporterId
    }

    /// The state after `event`; the stream version advances by one. Pure and total:
    /// events were checked when decided.
    public func evolve(_ event: TransporterEvent) -> StandaloneTransporter {
        var next = self
        next.version += 1
        next.updatedAt = event.at
        switch event {
        case .created(let event):
            next.exists = true
            next.transporter = event.transporter
            next.transporter.id = id
            next.createdBy = event.createdBy
            next.createdAt = event.at
        case .updated(let event):
            next.transporter = event.transporter
            next.transporter.id = id
        case .deleted:
            next.isDeleted = true
        }
        return next
    }
}
