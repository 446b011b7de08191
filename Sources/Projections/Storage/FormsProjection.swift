import Ledger

/// The forms read model, written inline in every append's transaction: current state by
/// id and readable id, per-company lists for `forms`, status logs for `formsLifeCycle`,
/// register rows, and the BSD each transporter with an id is on. Its databases come in two
/// slots (see ``ProjectionSlot``) and a `meta` database saying which one is active and which
/// ``version`` filled it.
///
/// While the stored version differs from ``version`` (or nothing was built yet), live
/// appends leave the databases alone and queries throw ``ProjectionError/notReady``; the
/// rebuild that follows catches up with those appends before it switches slots.
public struct FormsProjection: InlineProjection {
    /// The projection's name, prefix of its databases.
    public static let projectionName = "forms"
    /// The version of the layout and fold; change it whenever the stored bytes change, and
    /// the projection is rebuilt at the next start.
    public static let version = 3

    /// Makes the projection.
    public init() {}

    /// `forms`.
    public var name: String { Self.projectionName }

    /// `forms.meta`, and each slot's databases.
    public var databaseNames: [String] {
        [Self.metaName]
            + ProjectionSlot.allCases.flatMap { slot in
                FormDatabases.kinds.map { FormDatabases.name($0, slot) }
            }
    }

    /// The LMDB name of the meta database.
    static let metaName = "\(projectionName).meta"

    /// Folds the append's events into the active slot, when it is at this version.
    public func apply(_ events: [RecordedEvent], in context: ProjectionContext) throws {
        let meta = try ProjectionMeta.read(context.transaction, context.database(Self.metaName))
        guard let meta, meta.version == Self.version else { return }
        let databases = FormDatabases(slot: meta.active, resolve: context.database)
        let store = FormStore(databases: databases, transaction: context.transaction)
        for event in events { try store.apply(event) }
        try store.flush()
    }
}
