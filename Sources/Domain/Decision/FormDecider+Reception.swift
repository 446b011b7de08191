extension FormDecider {
    /// The destination receives the waste (from SENT, or RESENT after temporary storage),
    /// possibly deciding acceptance at once. An annexe-1 container's reception cascades to
    /// its items in transit.
    static func markReceived(
        _ reception: Reception, state: FormState, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        let content = state.content
        if content.emitter.type == .appendix1Producer
            || (state.status == .sent && content.recipient.isTempStorage)
        {
            throw .commandNotAllowed(status: state.status, command: .markReceived)
        }
        var facts = facts(content)
        facts.acceptationStatus = reception.acceptationStatus
        let next = try Workflow.next(from: state.status, on: .markReceived, facts: facts)
        try IssueCollector(
            StepValidator.receptionIssues(
                reception, content: content,
                prefix: "reception")
        ).check()
        let payload = ReceptionSigned(
            header: header(state.id, context), reception: reception,
            status: next)
        return [.formReceived(payload)]
            + cascadeToItems(state, from: [.sent], context: context) { item, itemHeader in
                .formReceived(
                    ReceptionSigned(
                        header: itemHeader, reception: reception,
                        status: next, cascadedFrom: state.id))
            }
            + GroupingRules.releasedEvents(state, newStatus: next, context: context)
    }

    /// The destination signs acceptance of received waste.
    static func markAccepted(
        _ reception: Reception, state: FormState, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        var facts = facts(state.content)
        facts.acceptationStatus = reception.acceptationStatus
        let next = try Workflow.next(from: state.status, on: .markAccepted, facts: facts)
        try IssueCollector(
            StepValidator.acceptanceIssues(
                reception, content: state.content,
                prefix: "reception")
        ).check()
        let payload = ReceptionSigned(
            header: header(state.id, context), reception: reception,
            status: next)
        return [.formAccepted(payload)]
            + cascadeToItems(state, from: [.received], context: context) { item, itemHeader in
                .formAccepted(
                    ReceptionSigned(
                        header: itemHeader, reception: reception,
                        status: next, cascadedFrom: state.id))
            }
            + GroupingRules.releasedEvents(state, newStatus: next, context: context)
    }

    /// The temporary storer receives the waste; the recipient must be a storage site.
    static func markTempStored(
        _ reception: Reception, state: FormState, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        var facts = facts(state.content)
        facts.acceptationStatus = reception.acceptationStatus
        let next = try Workflow.next(from: state.status, on: .markTempStored, facts: facts)
        var collector = IssueCollector(
            StepValidator.receptionIssues(
                reception, content: state.content, prefix: "temporaryStorage.reception"))
        if !state.content.recipient.isTempStorage {
            collector.add("recipient.isTempStorage", .notTemporaryStorage)
        }
        try collector.check()
        return [
            .formTempStored(
                ReceptionSigned(
                    header: header(state.id, context),
                    reception: reception, status: next))
        ]
    }

    /// The temporary storer signs acceptance.
    static func markTempStorerAccepted(
        _ reception: Reception, state: FormState, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        var facts = facts(state.content)
        facts.acceptationStatus = reception.acceptationStatus
        let next = try Workflow.next(from: state.status, on: .markTempStorerAccepted, facts: facts)
        try IssueCollector(
            StepValidator.acceptanceIssues(
                reception, content: state.content,
                prefix: "temporaryStorage.reception")
        ).check()
        return [
            .formTempStorerAccepted(
                ReceptionSigned(
                    header: header(state.id, context),
                    reception: reception, status: next))
        ]
    }

    /// Events for each annexe-1 item of a container that is in one of `statuses`.
    static func cascadeToItems(
        _ state: FormState, from statuses: Set<FormStatus>, context: DecisionContext,
        _ make: (FormState, EventHeader) -> DomainEvent
    ) -> [DomainEvent] {
        guard state.content.emitter.type == .appendix1 else { return [] }
        return state.content.grouping.compactMap { link in
            guard let item = context.relatedForms[link.formId], !item.isDeleted,
                statuses.contains(item.status)
            else { return nil }
            return make(item, header(item.id, context))
        }
    }
}

extension IssueCollector {
    /// A collector already holding `issues`.
    init(_ issues: [ValidationIssue]) {
        self.init()
        merge(issues)
    }
}
