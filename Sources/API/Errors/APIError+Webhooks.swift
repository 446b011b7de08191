import Webhooks

extension APIError {
    /// The outward form of a webhook error.
    public init(_ error: WebhookError) {
        switch error {
        case .invalidInput(let issues):
            self.init(.badUserInput, "The input has \(issues.count) error(s); see issues.")
            self.issues = issues.map { ($0.path, $0.code) }
        case .notFound(let id):
            self.init(.notFound, "No webhook setting or failure \(id) that you can see.")
        case .conflict:
            self.init(.conflict, "Someone changed this setting at the same time; retry.")
        case .ledger, .store, .sealingKey:
            self.init(.internalServerError, "Internal error; it has been logged.")
        }
    }
}
