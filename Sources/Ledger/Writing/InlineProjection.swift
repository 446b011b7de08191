/// A read model written in the same LMDB transaction as the events it derives from, so the
/// model and the log can never disagree.
///
/// The ledger calls ``apply(_:in:)`` on its writer thread once per successful append, with
/// that append's events in order. Throwing refuses the whole append: no event and no
/// projection write of that append is committed.
public protocol InlineProjection: Sendable {
    /// A stable name, used in errors and logs.
    var name: String { get }
    /// The LMDB databases this projection owns; the ledger opens them at start.
    var databaseNames: [String] { get }
    /// Updates the projection's databases for `events`.
    func apply(_ events: [RecordedEvent], in context: ProjectionContext) throws
}

/// What an ``InlineProjection`` gets to write with: the append's write transaction and the
/// projection's own databases.
public struct ProjectionContext {
    /// The write transaction of the commit in progress.
    public let transaction: Transaction
    let databases: [String: Database]

    /// The database called `name`, which the projection listed in `databaseNames`.
    public func database(_ name: String) -> Database {
        guard let database = databases[name] else {
            preconditionFailure("database \(name) was not declared by the projection")
        }
        return database
    }
}
