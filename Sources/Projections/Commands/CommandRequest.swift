import Domain

/// One command with everything around it that the caller knows: who acts, when, for which
/// BSD, and the request's correlation id.
public struct CommandRequest: Sendable {
    /// The command.
    public var command: FormCommand
    /// The BSD acted on; nil for a creation or a new paper import.
    public var formId: String?
    /// Who acts.
    public var actor: Actor
    /// The instant of the decision.
    public var now: Timestamp
    /// The id a creating command gives its BSD; required for creations and duplications.
    public var newFormId: String?
    /// Groups the events of one request in the ledger's metadata.
    public var correlationId: String?
    /// The BSD's stream version the caller checked permissions against; when set and the
    /// BSD has changed since, the command fails with a conflict instead of acting on a state
    /// the caller did not see.
    public var expectedVersion: Int?
    /// Registry profiles of the companies the BSD names, by org id, for the checks run when
    /// sealing (``DecisionContext/companies``); nil skips them.
    public var companies: [String: CompanyProfile]?
    /// The readable id a creating command gives its BSD, drawn by the caller; nil takes the
    /// next number of the year's counter (``DecisionContext/newReadableId``).
    public var newReadableId: String?
    /// The companies the BSD's author is a member of now, from which a draft's readers are
    /// drawn (``DecisionContext/authorOrgIds``); nil records no readers.
    public var authorOrgIds: Set<String>?

    /// Makes a request.
    public init(
        _ command: FormCommand, formId: String? = nil, actor: Actor, now: Timestamp,
        newFormId: String? = nil, correlationId: String? = nil
    ) {
        self.command = command
        self.formId = formId
        self.actor = actor
        self.now = now
        self.newFormId = newFormId
        self.correlationId = correlationId
    }
}
