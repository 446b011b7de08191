import Ledger

/// Why an inspection operation failed. The API maps each case to its outward code in one
/// place.
public enum InspectionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An input is wrong: the field and what is wrong with it.
    case invalidInput(field: String, reason: String)
    /// No inspector account for this user.
    case notAnInspector(userId: String)
    /// The inspector was revoked already.
    case alreadyRevoked(userId: String)
    /// A stored event cannot be read: the position and what is wrong.
    case unreadableEvent(position: UInt64, reason: String)
    /// The ledger failed.
    case ledger(LedgerError)

    /// What went wrong, for logs and the command line.
    public var description: String {
        switch self {
        case .invalidInput(let field, let reason): "\(field): \(reason)"
        case .notAnInspector(let userId): "user \(userId) is not an inspector"
        case .alreadyRevoked(let userId): "inspector \(userId) was revoked already"
        case .unreadableEvent(let position, let reason):
            "unreadable inspection event at position \(position) (member \(reason))"
        case .ledger(let error): "ledger: \(error)"
        }
    }
}
