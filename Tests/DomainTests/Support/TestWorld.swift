import CanonicalJSON
import Domain

/// An in-memory event store for the tests: runs decisions against the folded states of
/// every stream, the way the ledger and projections will.
struct TestWorld {
    var forms: [String: FormState] = [:]
    var counters: [Int: ReadableIdCounter] = [:]
    var log: [DomainEvent] = []
    var now = Fixtures.createdAt
    /// The companies of the author of the drafts created and updated (see
    /// ``DecisionContext/authorOrgIds``); nil records no readers.
    var authorOrgIds: Set<String>?
    private var nextId = 0

    /// Runs `command` on `formId` (nil to create) and applies the events.
    @discardableResult
    mutating func run(
        _ command: FormCommand, on formId: String? = nil, as actor: Actor = Fixtures.emitterActor
    ) throws(DomainError) -> [DomainEvent] {
        nextId += 1
        let newId = "f\(nextId)"
        let state = formId.flatMap { forms[$0] } ?? FormState(id: formId ?? "")
        let year = now.year
        var context = DecisionContext(
            now: now, actor: actor, newFormId: newId,
            readableIdCounter: counters[year] ?? ReadableIdCounter(year: year),
            relatedForms: related(command, state))
        context.authorOrgIds = authorOrgIds
        let events = try FormDecider.decide(command, state: state, context: context)
        apply(events)
        return events
    }

    /// Only the linked BSDs the decider asks for, loaded hop by hop as the API layer would,
    /// so that a decision reading anything else fails the tests.
    func related(_ command: FormCommand, _ state: FormState) -> [String: FormState] {
        var loaded: [String: FormState] = [:]
        while true {
            let wanted = FormDecider.relatedFormIds(command, state: state, loaded: loaded)
            let missing = wanted.filter { loaded[$0] == nil && forms[$0] != nil }
            if missing.isEmpty { return loaded }
            for id in missing { loaded[id] = forms[id] }
        }
    }

    /// Creates a BSD and returns its id.
    mutating func create(_ content: FormContent = Fixtures.content()) throws(DomainError) -> String
    {
        let events = try run(.create(content))
        return events.compactMap { event -> String? in
            if case .formCreated(let created) = event { return created.header.formId }
            return nil
        }[0]
    }

    mutating func apply(_ events: [DomainEvent]) {
        for event in events {
            log.append(event)
            if case .readableIdReserved(let reserved) = event {
                let counter = counters[reserved.year] ?? ReadableIdCounter(year: reserved.year)
                counters[reserved.year] = counter.evolve(reserved)
            } else {
                forms[event.formId] = FormEvolver.evolve(forms[event.formId] ?? FormState(), event)
            }
        }
    }

    func status(_ formId: String) -> FormStatus? { forms[formId]?.status }
}
