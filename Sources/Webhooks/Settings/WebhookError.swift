import Ledger

/// A field of a webhook input at fault, with a stable code.
public struct WebhookInputIssue: Equatable, Sendable {
    /// The dotted path (`input.endpointUri`).
    public var path: String
    /// An UPPER_SNAKE_CASE code.
    public var code: String

    /// Makes an issue.
    public init(path: String, code: String) {
        self.path = path
        self.code = code
    }
}

/// Why a webhook operation failed.
public enum WebhookError: Error, Sendable {
    /// The input is wrong; every field at fault is listed.
    case invalidInput([WebhookInputIssue])
    /// No such setting or failure.
    case notFound(String)
    /// A concurrent change to `stream` won; try again.
    case conflict(stream: String)
    /// The ledger failed.
    case ledger(LedgerError)
    /// The delivery store failed.
    case store(LedgerError)
    /// The key sealing webhook credentials at `path` is missing, unreadable, malformed or
    /// not the one the stored credentials were sealed under.
    case sealingKey(path: String, reason: String)
}

extension WebhookError: CustomStringConvertible {
    /// What went wrong, for the operator; never a credential.
    public var description: String {
        switch self {
        case .invalidInput(let issues): "invalid input: \(issues.map(\.code))"
        case .notFound(let id): "no webhook setting or failure \(id)"
        case .conflict(let stream): "concurrent change of \(stream)"
        case .ledger(let error): "ledger: \(error)"
        case .store(let error): "delivery store: \(error)"
        case .sealingKey(let path, let reason): "webhook sealing key \(path): \(reason)"
        }
    }
}
