import Ledger

/// Why an audit operation failed.
public enum AuditError: Error, Equatable, Sendable {
    /// The key file cannot be read or written, or is not a tree-head key file.
    case keyFile(path: String, reason: String)
    /// A head, key or bundle that is not in the documented format.
    case malformed(what: String, reason: String)
    /// No signed head of that size (or none at all when `size` is nil).
    case noSuchHead(size: UInt64?)
    /// The ledger or the head store failed.
    case ledger(LedgerError)
}
