/// Decides commands on a standalone transporter. Pure: the caller gives the state (with
/// ``StandaloneTransporter/formId`` filled when a BSD names it), the actor and the instant.
///
/// Only formats are checked (company identifiers, plates): what a take-over needs is
/// checked when the transporter signs on its BSD. Once deleted, or once on a BSD, the
/// standalone transporter takes no change.
public enum TransporterDecider {
    /// The events that carry out `command` on `state`.
    /// - Throws: ``TransporterError``.
    public static func decide(
        _ command: TransporterCommand, state: StandaloneTransporter, actor: Actor, now: Timestamp
    ) throws(TransporterError) -> [TransporterEvent] {
        if case .create(let transporter) = command {
            guard !state.exists else { throw .transporterAlreadyExists(id: state.id) }
            // Stream ids are printable ASCII; the id is made by the caller, never by a user.
            precondition(
                !state.id.isEmpty && state.id.utf8.allSatisfy { (0x21...0x7E).contains($0) },
                "transporter id must be printable ASCII")
            try check(transporter)
            return [
                .created(
                    FormTransporterCreated(
                        transporterId: state.id, transporter: transporter, createdBy: actor,
                        at: now))
            ]
        }
        guard state.exists else { throw .transporterNotFound(id: state.id) }
        guard !state.isDeleted else { throw .transporterDeleted(id: state.id) }
        if let formId = state.formId { throw .transporterAttached(id: state.id, formId: formId) }
        switch command {
        case .create: preconditionFailure("handled before")
        case .update(let transporter):
            try check(transporter)
            return [
                .updated(
                    FormTransporterUpdated(
                        transporterId: state.id, transporter: transporter, updatedBy: actor,
                        at: now))
            ]
        case .delete:
            return [
                .deleted(FormTransporterDeleted(transporterId: state.id, deletedBy: actor, at: now))
            ]
        }
    }

    /// Refuses a transporter whose company identifiers or plates are malformed.
    private static func check(_ transporter: Transporter) throws(TransporterError) {
        let validator = FormValidator(createdAt: Timestamp(microseconds: 0), level: .draft)
        var collector = IssueCollector()
        validator.checkCompanyFormats(
            transporter.company ?? FormCompany(), "company", into: &collector)
        validator.checkPlates(transporter.numberPlates, "numberPlates", into: &collector)
        guard collector.issues.isEmpty else { throw .validationFailed(collector.issues) }
    }
}
