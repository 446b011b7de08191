extension FormDecider {
    /// A paper BSD completes a sealed BSD with every box.
    static func importPaperForm(
        _ input: PaperImportInput, state: FormState, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        let next = try Workflow.next(
            from: state.status, on: .importPaperForm,
            facts: processingFacts(input.processing, input.content))
        var collector = IssueCollector(paperIssues(input, createdAt: state.createdAt))
        for field in identityPaths where field.read(input.content) != field.read(state.content) {
            collector.add(field.path, .cannotChange)
        }
        try collector.check()
        return [
            .formImportedFromPaper(
                FormImportedFromPaper(
                    header: header(state.id, context), readableId: nil,
                    content: input.content.normalized(), emission: input.emission,
                    transport: input.transport, reception: input.reception,
                    processing: input.processing, status: next))
        ]
    }

    /// A paper BSD recorded as a new BSD, straight to its final status.
    static func importNewPaperForm(
        _ input: PaperImportInput, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        let formId = newFormId(context)
        let next = try Workflow.next(
            from: .sealed, on: .importPaperForm,
            facts: processingFacts(input.processing, input.content))
        try IssueCollector(paperIssues(input, createdAt: context.now)).check()
        let reserved: ReadableIdReserved? =
            context.newReadableId == nil
            ? try reserveReadableId(formId: formId, context: context) : nil
        let imported = DomainEvent.formImportedFromPaper(
            FormImportedFromPaper(
                header: header(formId, context),
                readableId: context.newReadableId ?? reserved?.readableId,
                content: input.content.normalized(), emission: input.emission,
                transport: input.transport, reception: input.reception,
                processing: input.processing, status: next))
        return (reserved.map { [DomainEvent.readableIdReserved($0)] } ?? []) + [imported]
    }

    /// All boxes: sealed content, acceptance and treatment.
    private static func paperIssues(
        _ input: PaperImportInput, createdAt: Timestamp
    )
        -> [ValidationIssue]
    {
        var collector = IssueCollector()
        collector.merge(
            FormValidator(createdAt: createdAt, level: .sealed)
                .issues(in: input.content.normalized()))
        collector.merge(
            StepValidator.receptionIssues(
                input.reception, content: input.content,
                prefix: "reception"))
        collector.require(input.reception.acceptationStatus, "reception.acceptationStatus")
        collector.merge(StepValidator.processingIssues(input.processing))
        return collector.issues
    }

    /// SIRETs a paper import may not change on an existing BSD.
    private static let identityPaths: [(path: String, read: @Sendable (FormContent) -> String?)] = [
        ("emitter.company.siret", { $0.emitter.company?.siret }),
        ("recipient.company.siret", { $0.recipient.company?.siret }),
    ]
}
