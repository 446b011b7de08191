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
}
