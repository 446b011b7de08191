/// Rules on the links between BSDs (reference §1.4): annexe-2 regroupement of initial BSDs,
/// annexe-1 items of a collection round.
enum GroupingRules {
    /// At most this many initial BSDs in one regroupement.
    static let maximumAppendix2 = 250

    /// Issues of `content.grouping` for a BSD in `status`; linked BSDs come from the context.
    static func issues(
        _ content: FormContent, status: FormStatus, formId: String, context: DecisionContext
    ) -> [ValidationIssue] {
        var collector = IssueCollector()
        switch content.emitter.type {
        case .appendix2?:
            appendix2(content, formId: formId, context: context, into: &collector)
        case .appendix1?:
            if status == .draft && !content.grouping.isEmpty {
                collector.add("grouping", .groupingMismatch)
            }
            appendix1(content, containerId: formId, context: context, into: &collector)
        default:
            if !content.grouping.isEmpty { collector.add("grouping", .groupingMismatch) }
        }
        return collector.issues
    }

    private static func appendix2(
        _ content: FormContent, formId: String, context: DecisionContext,
        into collector: inout IssueCollector
    ) {
        if content.grouping.count > maximumAppendix2 {
            collector.add("grouping", .tooManyGroupedForms)
        }
        var seen = Set<String>()
        for (index, fraction) in content.grouping.enumerated() {
            let prefix = "grouping.\(index)"
            guard seen.insert(fraction.formId).inserted else {
                collector.add(path(prefix, "formId"), .groupedFormListedTwice)
                continue
            }
            guard let initial = context.relatedForms[fraction.formId], initial.exists,
                !initial.isDeleted, [.awaitingGroup, .grouped].contains(initial.status)
            else {
                collector.add(path(prefix, "formId"), .groupedFormNotAvailable)
                continue
            }
            let remaining = (initial.acceptedQuantity ?? .zero) - initial.groupedQuantity
            let quantity = fraction.quantity ?? .zero
            if quantity <= .zero || quantity > remaining {
                collector.add(path(prefix, "quantity"), .groupedQuantityInvalid)
            }
            if let emitter = content.emitter.company?.siret,
                emitter != treatingSiret(of: initial)
            {
                collector.add(path(prefix, "formId"), .groupingEmitterMismatch)
            }
        }
    }

    private static func appendix1(
        _ content: FormContent, containerId: String, context: DecisionContext,
        into collector: inout IssueCollector
    ) {
        let allowed: Set<FormStatus> = [.draft, .sealed, .signedByProducer, .sent]
        for (index, item) in content.grouping.enumerated() {
            let form = context.relatedForms[item.formId]
            let isFree =
                form?.appendix1ContainerId == nil
                || form?.appendix1ContainerId == containerId
            guard let form, form.exists, !form.isDeleted, allowed.contains(form.status),
                form.content.emitter.type == .appendix1Producer, isFree
            else {
                collector.add("grouping.\(index).formId", .groupedFormNotAvailable)
                continue
            }
        }
    }

    /// Items may join a collection round until the fifth calendar day after its first pickup.
    static func appendix1WindowIssues(
        _ container: FormState, _ content: FormContent, now: Timestamp
    )
        -> [ValidationIssue]
    {
        guard content.emitter.type == .appendix1, let first = container.firstPickupAt else {
            return []
        }
        let known = Set(container.content.grouping.map(\.formId))
        let adds = content.grouping.contains { !known.contains($0.formId) }
        guard adds, now.dayNumber - first.dayNumber > 5 else { return [] }
        return [ValidationIssue("grouping", .appendix1WindowClosed)]
    }

    /// The SIRET of the site that did the grouping operation on an initial BSD.
    static func treatingSiret(of form: FormState) -> String? {
        form.temporaryStorage?.destination?.company?.siret ?? form.content.recipient.company?.siret
    }

    /// Links recorded when a regroupement is sealed: each initial BSD is grouped, and moves
    /// to GROUPED once its whole accepted quantity is grouped.
    static func groupedEvents(
        _ state: FormState, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        var events: [DomainEvent] = []
        for fraction in state.content.grouping {
            guard let initial = context.relatedForms[fraction.formId] else { continue }
            let quantity = fraction.quantity ?? .zero
            let total = initial.groupedQuantity + quantity
            var status: FormStatus?
            if total >= (initial.acceptedQuantity ?? .zero), initial.status == .awaitingGroup {
                status = try Workflow.next(
                    from: initial.status, on: .markGrouped,
                    facts: TransitionFacts())
            }
            events.append(
                .formGrouped(
                    FormLinked(
                        header: FormDecider.header(initial.id, context), otherFormId: state.id,
                        quantity: quantity, status: status)))
        }
        return events
    }

    /// When a regroupement reaches a final status, each grouped initial BSD whose every
    /// regroupement is final moves GROUPED → PROCESSED.
    static func processedEvents(
        _ state: FormState, newStatus: FormStatus, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        guard newStatus.isFinal else { return [] }
        var events: [DomainEvent] = []
        for fraction in state.content.grouping {
            guard let initial = context.relatedForms[fraction.formId], initial.status == .grouped
            else { continue }
            let allFinal = initial.groupedIn.allSatisfy { link in
                link.formId == state.id || context.relatedForms[link.formId]?.status.isFinal == true
            }
            guard allFinal else { continue }
            let next = try Workflow.next(
                from: .grouped, on: .markProcessed, facts: TransitionFacts())
            events.append(
                .groupedFormProcessed(
                    FormLinked(
                        header: FormDecider.header(initial.id, context), otherFormId: state.id,
                        status: next)))
        }
        return events
    }

    /// When a regroupement is refused, its initial BSDs are released: each loses the link
    /// and, if it was fully grouped, awaits grouping again. The reference recomputes this in
    /// a background job outside its state machine; here it is part of the refusal decision.
    static func releasedEvents(
        _ state: FormState, newStatus: FormStatus, context: DecisionContext
    ) -> [DomainEvent] {
        guard newStatus == .refused else { return [] }
        return released(state, context: context)
    }

    /// Deleting a container deletes its items; deleting a regroupement releases its
    /// initial BSDs.
    static func deletionEvents(_ state: FormState, context: DecisionContext) -> [DomainEvent] {
        guard state.content.emitter.type == .appendix1 else {
            return released(state, context: context)
        }
        return state.content.grouping.compactMap { link in
            guard let item = context.relatedForms[link.formId], !item.isDeleted else { return nil }
            return .formDeleted(
                StatusChanged(header: FormDecider.header(item.id, context), status: item.status))
        }
    }

    private static func released(_ state: FormState, context: DecisionContext) -> [DomainEvent] {
        guard state.content.emitter.type == .appendix2 else { return [] }
        return state.content.grouping.compactMap { fraction in
            guard let initial = context.relatedForms[fraction.formId],
                initial.groupedIn.contains(where: { $0.formId == state.id })
            else { return nil }
            let status: FormStatus? = initial.status == .grouped ? .awaitingGroup : nil
            return .formUngrouped(
                FormLinked(
                    header: FormDecider.header(initial.id, context), otherFormId: state.id,
                    quantity: fraction.quantity, status: status))
        }
    }
}
