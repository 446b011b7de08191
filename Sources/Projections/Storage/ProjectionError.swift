import Ledger

/// Why a projection refused an event, a query or a maintenance step.
public enum ProjectionError: Error, Equatable, Sendable {
    /// The projection's databases were written by another version (or never): a rebuild is
    /// needed before queries can be answered.
    case notReady(projection: String, storedVersion: Int?, expectedVersion: Int)
    /// A stored entry cannot be decoded.
    case corruptEntry(database: String, key: String, reason: String)
    /// An event of a form stream cannot be decoded into a domain event.
    case undecodableEvent(position: UInt64, type: String, reason: String)
    /// A stored event could not be read back while serving a request (the counter stream's,
    /// or a history's).
    case unreadableEvent(reason: String)
    /// Another rebuild of the projection is running in this process.
    case rebuildInProgress(projection: String)
    /// No projection has this name.
    case unknownProjection(String)
    /// The ledger failed underneath.
    case ledger(LedgerError)
    /// A new BSD's readable id is already another BSD's (the `readable` index is unique).
    case readableIdTaken(String)

    /// How ``readableIdTaken(_:)`` reads once the ledger has turned it into the reason of
    /// `LedgerError.projectionFailed` (`String(describing:)`), so the command service can tell
    /// it from other refusals.
    static let readableIdTakenPrefix = "readableIdTaken(\""
}
