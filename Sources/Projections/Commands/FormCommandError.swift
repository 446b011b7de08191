import Domain
import Ledger

/// Why a command was not carried out; nothing was appended in any case.
public enum FormCommandError: Error, Equatable, Sendable {
    /// The domain refused the command (the API maps it to its outward codes).
    case domain(DomainError)
    /// Another command changed one of the streams since its state was read: retry or
    /// report a conflict.
    case conflict(stream: String, expected: ExpectedVersion, actual: UInt64?)
    /// The projection cannot serve the states the decision needs.
    case projection(ProjectionError)
    /// The ledger failed.
    case ledger(LedgerError)
    /// The readable id the caller drew is already another BSD's; draw another and retry.
    case readableIdTaken(String)
}
