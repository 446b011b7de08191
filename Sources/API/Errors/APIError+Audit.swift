import Audit
import Ledger

extension APIError {
    /// The outward form of an audit error (tree heads, history bundles).
    public init(_ error: AuditError) {
        switch error {
        case .noSuchHead(let size?):
            self.init(.notFound, "No tree head was signed at size \(size).")
        case .noSuchHead(nil):
            self.init(.notFound, "No tree head has been signed yet.")
        case .ledger(.outsideTree(let requested, let available)):
            self.init(
                .badUserInput,
                "Tree size \(requested) is past the tree's \(available) events.")
            issues = [("sinceSize", "INVALID_VALUE")]
        case .keyFile, .malformed, .ledger:
            self.init(.internalServerError, "Internal error; it has been logged.")
        }
    }
}
