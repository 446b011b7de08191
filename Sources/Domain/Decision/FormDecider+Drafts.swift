extension FormDecider {
    /// Creation (and duplication): draft validation, then the readable id and the BSD.
    static func create(
        _ content: FormContent, duplicateOf: String?, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        let formId = newFormId(context)
        let content = content.normalized().numberingTransporters(formId: formId)
        var collector = IssueCollector()
        collector.merge(FormValidator(createdAt: context.now, level: .draft).issues(in: content))
        collector.merge(
            GroupingRules.issues(
                content, status: .draft, formId: formId,
                context: context))
        try collector.check()
        let readers = draftReaders(content, context)
        if let readableId = context.newReadableId {
            return [
                .formCreated(
                    FormCreated(
                        header: header(formId, context), readableId: readableId,
                        content: content, isDuplicateOf: duplicateOf, draftReaderOrgIds: readers))
            ]
        }
        let reserved = try reserveReadableId(formId: formId, context: context)
        let created = FormCreated(
            header: header(formId, context), readableId: reserved.readableId, content: content,
            isDuplicateOf: duplicateOf, draftReaderOrgIds: readers)
        return [.readableIdReserved(reserved), .formCreated(created)]
    }

    /// The companies `content` names of which the author is a member (reference §5: who
    /// reads a draft), sorted; nil when the context does not know the author's companies.
    static func draftReaders(_ content: FormContent, _ context: DecisionContext) -> [String]? {
        context.authorOrgIds.map { content.namedOrgIds.intersection($0).sorted() }
    }

    /// Update: the diff of the normalised contents, refused when it touches locked fields.
    static func update(
        _ content: FormContent, state: FormState, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        guard !state.status.isFinal else {
            throw .commandNotAllowed(status: state.status, command: .update)
        }
        let content = content.normalized().numberingTransporters(
            updating: state.content, formId: state.id)
        let changes = state.content.changes(to: content)
        guard !changes.isEmpty else { return [] }
        let locked = EditionRules.lockedPaths(
            changes, state: state, actor: context.actor, newContent: content)
        guard locked.isEmpty else { throw .lockedFields(status: state.status, paths: locked) }
        try IssueCollector(updateIssues(content, changes: changes, state: state, context: context))
            .check()
        var readers = state.status == .draft ? draftReaders(content, context) : nil
        if readers == state.draftReaderOrgIds { readers = nil }
        var events: [DomainEvent] = [
            .formUpdated(
                FormUpdated(
                    header: header(state.id, context), changes: changes,
                    draftReaderOrgIds: readers))
        ]
        if content.emitter.type == .appendix1 {
            let known = Set(state.content.grouping.map(\.formId))
            for (index, item) in content.grouping.enumerated()
            where !known.contains(item.formId) {
                events.append(
                    .formAttachedToAppendix1(
                        FormLinked(
                            header: header(item.formId, context), otherFormId: state.id)))
                if let form = context.relatedForms[item.formId] {
                    events += try appendix1ItemCompletion(
                        form, container: content, index: index, context: context)
                }
            }
        }
        return events
    }

    /// Draft rules while DRAFT, sealed and registry rules after; link rules when the annexe
    /// links change.
    private static func updateIssues(
        _ content: FormContent, changes: [FieldChange], state: FormState,
        context: DecisionContext
    ) -> [ValidationIssue] {
        let level: FormValidator.Level = state.status == .draft ? .draft : .sealed
        var collector = IssueCollector()
        collector.merge(FormValidator(createdAt: state.createdAt, level: level).issues(in: content))
        if level == .sealed {
            collector.merge(registryIssues(content, createdAt: state.createdAt, context: context))
        }
        if changes.contains(where: { $0.path == "grouping" }) {
            collector.merge(
                GroupingRules.issues(
                    content, status: state.status, formId: state.id, context: context))
            collector.merge(GroupingRules.appendix1WindowIssues(state, content, now: context.now))
        }
        return collector.issues
    }

    /// Soft delete: only before pickup. A container's items go with it; a regroupement's
    /// initial BSDs are released.
    static func delete(
        state: FormState, context: DecisionContext
    ) throws(DomainError)
        -> [DomainEvent]
    {
        guard [.draft, .sealed, .signedByProducer].contains(state.status) else {
            throw .commandNotAllowed(status: state.status, command: .delete)
        }
        return [
            .formDeleted(StatusChanged(header: header(state.id, context), status: state.status))
        ] + GroupingRules.deletionEvents(state, context: context)
    }

    /// Cancellation after an approved revision request.
    static func cancel(
        reason: String, state: FormState, context: DecisionContext
    )
        throws(DomainError) -> [DomainEvent]
    {
        let next = try Workflow.next(from: state.status, on: .cancel, facts: TransitionFacts())
        var collector = IssueCollector()
        collector.require(reason, "reason")
        try collector.check()
        return [
            .formCanceled(
                StatusChanged(
                    header: header(state.id, context), status: next,
                    reason: reason))
        ]
    }
}
