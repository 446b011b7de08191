/// Why a command on a standalone transporter was refused.
public enum TransporterError: Error, Hashable, Sendable {
    /// No transporter has this id.
    case transporterNotFound(id: String)
    /// A transporter already has this id.
    case transporterAlreadyExists(id: String)
    /// The transporter was deleted.
    case transporterDeleted(id: String)
    /// The transporter is on BSD `formId`: it changes with that BSD now.
    case transporterAttached(id: String, formId: String)
    /// The fields break format rules; all broken rules are listed.
    case validationFailed([ValidationIssue])
}
