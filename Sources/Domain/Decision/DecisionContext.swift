/// Everything a decision needs besides the command and the BSD's state, loaded by the caller:
/// the time, the acting user, a fresh id, the readable-id counter and linked BSDs.
public struct DecisionContext: Sendable {
    /// The instant of the decision.
    public var now: Timestamp
    /// Who acts.
    public var actor: Actor
    /// The id a creating command gives the new BSD.
    public var newFormId: String?
    /// The counter of `now`'s year, for creating commands.
    public var readableIdCounter: ReadableIdCounter
    /// Linked BSDs by id: annexe-2 initial BSDs and their other regroupements, annexe-1
    /// items and containers.
    public var relatedForms: [String: FormState]
    /// Profiles of the companies the BSD names, by SIRET or VAT number, for the registry
    /// checks run when sealing; nil when the caller does not ask for them (imports, tests
    /// of other rules).
    public var companies: [String: CompanyProfile]?
    /// The readable id a creating command gives the new BSD when the caller draws it
    /// (Trackdéchets' current `BSD-YYYYMMDD-XXXXXXXXX` form, random): no counter is read or
    /// reserved then, and the forms projection refuses an id already taken. Nil: the next
    /// number of the year's counter (`TD-YY-AAA00001`).
    public var newReadableId: String?
    /// The companies the BSD's author is a member of at this decision (for a creation, the
    /// acting user's): a draft's readers are those of them it names. Nil: not known, and
    /// the decision records no readers (a draft's readers then stay as they were).
    public var authorOrgIds: Set<String>?

    /// Makes a context.
    public init(
        now: Timestamp, actor: Actor, newFormId: String? = nil,
        readableIdCounter: ReadableIdCounter? = nil, relatedForms: [String: FormState] = [:],
        companies: [String: CompanyProfile]? = nil
    ) {
        self.companies = companies
        self.now = now
        self.actor = actor
        self.newFormId = newFormId
        self.readableIdCounter = readableIdCounter ?? ReadableIdCounter(year: now.year)
        self.relatedForms = relatedForms
    }
}
