extension FormDecider {
    /// The treatment is signed; the status follows the four-way split. Cascades to annexe-1
    /// items and, for a regroupement, to initial BSDs whose regroupements are all final.
    static func markProcessed(
        _ processing: Processing, state: FormState, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        // GROUPED → PROCESSED follows the regroupements (GroupedFormProcessed); a direct
        // treatment would overwrite the grouping operation already recorded.
        if state.status == .grouped {
            throw .commandNotAllowed(status: .grouped, command: .markProcessed)
        }
        let next = try Workflow.next(
            from: state.status, on: .markProcessed,
            facts: processingFacts(processing, state.content))
        try IssueCollector(StepValidator.processingIssues(processing)).check()
        let processing = completed(processing)
        var events = anticipatedTreatment(state, context: context)
        events += [
            .formProcessed(
                FormProcessed(
                    header: header(state.id, context), processing: processing, status: next))
        ]
        events += try cascadeProcessing(processing, state: state, context: context)
        events += try GroupingRules.processedEvents(state, newStatus: next, context: context)
        return events
    }

    private static func cascadeProcessing(
        _ processing: Processing, state: FormState, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        guard state.content.emitter.type == .appendix1 else { return [] }
        var events: [DomainEvent] = []
        for link in state.content.grouping {
            guard let item = context.relatedForms[link.formId], !item.isDeleted,
                item.status == .accepted
            else { continue }
            let next = try Workflow.next(
                from: item.status, on: .markProcessed,
                facts: processingFacts(processing, item.content))
            events.append(
                .formProcessed(
                    FormProcessed(
                        header: header(item.id, context),
                        processing: processing, status: next, cascadedFrom: state.id)))
        }
        return events
    }

    /// Treating at the temporary storer drops the onward journey: the BSD no longer goes
    /// through temporary storage, which a content change records first.
    private static func anticipatedTreatment(
        _ state: FormState, context: DecisionContext
    )
        -> [DomainEvent]
    {
        guard state.status == .tempStorerAccepted else { return [] }
        var content = state.content
        content.recipient.isTempStorage = false
        content.temporaryStorageDestination = nil
        let changes = state.content.changes(to: content.normalized())
        guard !changes.isEmpty else { return [] }
        return [.formUpdated(FormUpdated(header: header(state.id, context), changes: changes))]
    }

    /// The treatment with what the platform fills in: the operation's label when no
    /// description was given, and the next destination's country from its SIRET (France)
    /// or its VAT number's prefix.
    static func completed(_ processing: Processing) -> Processing {
        var result = processing
        if result.description == nil {
            result.description = Nomenclatures.operation(processing.operationDone)?.label
        }
        if var company = result.nextDestination?.company, company.country == nil {
            if let siret = company.siret, SIRET.isValid(siret) {
                company.country = "FR"
            } else if let vat = company.vatNumber, VATNumber.isValid(vat) {
                company.country = String(VATNumber.clean(vat).prefix(2))
            }
            result.nextDestination?.company = company
        }
        return result
    }

    static func processingFacts(
        _ processing: Processing, _ content: FormContent
    )
        -> TransitionFacts
    {
        var facts = facts(content)
        facts.noTraceability = processing.noTraceability
        facts.operationCode = processing.operationDone
        facts.nextDestinationIsForeign = processing.nextDestination?.isForeign ?? false
        return facts
    }

    /// The temporary storer fills in the onward journey (again, when already resealed).
    static func markResealed(
        _ input: ResealInput, state: FormState, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        let next = try Workflow.next(
            from: state.status, on: .markResealed,
            facts: TransitionFacts())
        let destination =
            input.destination ?? state.temporaryStorage?.destination
            ?? state.content.temporaryStorageDestination ?? Recipient()
        let validator = FormValidator(createdAt: state.createdAt, level: .sealed)
        var collector = IssueCollector()
        validator.checkCompany(
            destination.company, "temporaryStorage.destination.company",
            required: true, into: &collector)
        validator.checkOperation(
            destination.processingOperation,
            "temporaryStorage.destination.processingOperation", required: true, into: &collector)
        if let transporter = input.transporter {
            validator.checkCompanyFormats(
                transporter.company ?? FormCompany(),
                "temporaryStorage.transporter.company", into: &collector)
            validator.checkPlates(
                transporter.numberPlates,
                "temporaryStorage.transporter.numberPlates", into: &collector)
        }
        if let waste = input.wasteDetails {
            FormValidator.checkPackagings(waste.packagings, into: &collector)
        }
        try collector.check()
        return [
            .formResealed(
                FormResealed(
                    header: header(state.id, context),
                    destination: destination, transporter: input.transporter,
                    wasteDetails: input.wasteDetails, status: next))
        ]
    }

    /// The waste leaves the temporary storage with the onward journey given: one
    /// `FormResealed` event carrying it and the RESENT status, so the BSD goes straight to
    /// RESENT as the deprecated operation always did. Once the storer has signed, the journey
    /// is fixed and only the departure is recorded.
    static func resend(
        with input: ResealInput, state: FormState, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        let next = try Workflow.next(from: state.status, on: .markResent, facts: TransitionFacts())
        guard
            (try? Workflow.next(from: state.status, on: .markResealed, facts: TransitionFacts()))
                != nil
        else { return try markResent(state: state, context: context) }
        return try markResealed(input, state: state, context: context).map { event in
            guard case .formResealed(var resealed) = event else { return event }
            resealed.status = next
            return .formResealed(resealed)
        }
    }

    /// The waste leaves the temporary storage.
    static func markResent(
        state: FormState, context: DecisionContext
    ) throws(DomainError)
        -> [DomainEvent]
    {
        let next = try Workflow.next(from: state.status, on: .markResent, facts: TransitionFacts())
        var collector = IssueCollector()
        if state.temporaryStorage?.destination == nil
            && state.content.temporaryStorageDestination == nil
        {
            collector.add("temporaryStorage.destination", .required)
        }
        try collector.check()
        return [.formResent(StatusChanged(header: header(state.id, context), status: next))]
    }
}
