/// Why the domain refused a command. Every case carries what an integrator needs to fix it.
public enum DomainError: Error, Hashable, Sendable {
    /// No transition leaves `status` on `action`.
    case invalidTransition(status: FormStatus, action: WorkflowAction)
    /// The command is not allowed while the BSD is in `status`.
    case commandNotAllowed(status: FormStatus, command: CommandKind)
    /// The command's data breaks rules; all broken rules are listed.
    case validationFailed([ValidationIssue])
    /// Fields locked by a signature were changed.
    case lockedFields(status: FormStatus, paths: [String])
    /// No BSD has this id.
    case formNotFound(id: String)
    /// A BSD already has this id.
    case formAlreadyExists(id: String)
    /// The BSD was deleted.
    case formDeleted(id: String)
    /// The yearly readable-id counter reached its last value.
    case readableIdExhausted(year: Int)
    /// The readable-id counter given is for another year than the decision's.
    case counterYearMismatch(counterYear: Int, year: Int)

    /// The validation issues, empty for other errors.
    public var issues: [ValidationIssue] {
        if case .validationFailed(let issues) = self { return issues }
        return []
    }
}
