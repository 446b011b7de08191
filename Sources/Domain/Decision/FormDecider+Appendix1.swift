extension FormDecider {
    /// What attaching an annexe-1 item to a collection round does to the item (reference
    /// §1.4): the round's destination, transporters, eco-organisme and waste description
    /// become the item's (its own quantity and packagings stay), and a draft item is sealed,
    /// so the producer only has to sign. Items past SEALED keep their content.
    static func appendix1ItemCompletion(
        _ item: FormState, container: FormContent, index: Int, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        guard [.draft, .sealed].contains(item.status) else { return [] }
        let completed = completedItem(item.content, from: container).normalized()
        var events: [DomainEvent] = []
        let changes = item.content.changes(to: completed)
        if !changes.isEmpty {
            events.append(
                .formUpdated(FormUpdated(header: header(item.id, context), changes: changes)))
        }
        guard item.status == .draft else { return events }
        let issues = FormValidator(createdAt: item.createdAt, level: .sealed).issues(in: completed)
        guard issues.isEmpty else {
            throw .validationFailed(
                issues.map { ValidationIssue("grouping.\(index).form.\($0.path)", $0.code) })
        }
        let next = try Workflow.next(from: .draft, on: .seal, facts: TransitionFacts())
        events.append(.formSealed(StatusChanged(header: header(item.id, context), status: next)))
        return events
    }

    /// The item's content with the round's common parts.
    static func completedItem(_ item: FormContent, from container: FormContent) -> FormContent {
        var content = item
        content.recipient = container.recipient
        // The round's transporters ride along; their ids stay the round's own.
        content.transporters = container.transporters.map { transporter in
            var copy = transporter
            copy.id = nil
            return copy
        }
        content.ecoOrganisme = container.ecoOrganisme
        let round = container.wasteDetails
        content.wasteDetails.code = round.code
        content.wasteDetails.name = round.name
        content.wasteDetails.isDangerous = round.isDangerous
        content.wasteDetails.pop = content.wasteDetails.pop ?? round.pop
        content.wasteDetails.isSubjectToADR = round.isSubjectToADR
        content.wasteDetails.onuCode = round.onuCode
        content.wasteDetails.nonRoadRegulationMention = round.nonRoadRegulationMention
        content.wasteDetails.consistences = round.consistences
        content.wasteDetails.quantityType =
            content.wasteDetails.quantityType ?? round.quantityType ?? .estimated
        return content
    }
}
