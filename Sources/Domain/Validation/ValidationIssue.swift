import CanonicalJSON

/// One thing to fix: the field's dotted path and a stable code.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    /// Dotted path of the field, e.g. `emitter.company.siret` or `transporters.1.numberPlates`.
    public var path: String
    /// What is wrong.
    public var code: ValidationCode

    /// Makes an issue.
    public init(_ path: String, _ code: ValidationCode) {
        self.path = path
        self.code = code
    }

    /// `path: code`.
    public var description: String { "\(path): \(code.rawValue)" }
}
