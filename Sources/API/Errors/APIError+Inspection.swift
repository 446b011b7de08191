import Inspection

extension APIError {
    /// The outward form of an inspection error.
    init(_ error: InspectionError) {
        switch error {
        case .invalidInput(let field, let reason):
            self.init(.badUserInput, "\(field): \(reason)")
            issues = [(field, "INVALID_VALUE")]
        case .notAnInspector, .alreadyRevoked:
            self.init(.forbidden, "This operation is for inspectors.")
        case .unreadableEvent, .ledger:
            self.init(.internalServerError, "Internal error; it has been logged.")
        }
    }
}
