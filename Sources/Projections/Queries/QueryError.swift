import Ledger

/// Why a query was refused or failed.
public enum QueryError: Error, Equatable, Sendable {
    /// The caller asked for a company it does not belong to.
    case companyNotAllowed(siret: String)
    /// An argument is out of range or contradicts another (`first` with `last`, …).
    case invalidArgument(name: String, reason: String)
    /// A cursor names nothing the caller can see.
    case unknownCursor(String)
    /// The projection cannot answer (not built at this version, or a corrupt entry).
    case projection(ProjectionError)
    /// The ledger failed.
    case ledger(LedgerError)

    /// Wraps whatever a reader threw.
    public static func wrapping(_ error: any Error) -> QueryError {
        switch error {
        case let error as QueryError: error
        case let error as ProjectionError: .projection(error)
        case let error as LedgerError: .ledger(error)
        default: .projection(.unreadableEvent(reason: "\(error)"))
        }
    }
}
