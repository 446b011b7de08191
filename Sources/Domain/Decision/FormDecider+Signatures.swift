extension FormDecider {
    /// DRAFT → SEALED after full validation. A private individual's or a foreign ship's
    /// emission signs itself at once; a regroupement records its links to the initial BSDs.
    static func seal(
        state: FormState, context: DecisionContext
    ) throws(DomainError)
        -> [DomainEvent]
    {
        let next = try Workflow.next(from: state.status, on: .seal, facts: TransitionFacts())
        let content = state.content
        var collector = IssueCollector()
        collector.merge(
            FormValidator(createdAt: state.createdAt, level: .sealed).issues(in: content))
        collector.merge(registryIssues(content, createdAt: state.createdAt, context: context))
        collector.merge(
            GroupingRules.issues(
                content, status: next, formId: state.id,
                context: context))
        if content.emitter.type == .appendix2 && content.grouping.isEmpty {
            collector.add("grouping", .groupingMismatch)
        }
        try collector.check()
        var events: [DomainEvent] = [
            .formSealed(
                StatusChanged(
                    header: header(state.id, context),
                    status: next))
        ]
        if content.emitter.isPrivateIndividual || content.emitter.isForeignShip {
            events.append(try automaticEmission(state, sealedAs: next, context: context))
        }
        if content.emitter.type == .appendix2 {
            events += try GroupingRules.groupedEvents(state, context: context)
        }
        return events
    }

    /// The platform's emission signature for an emitter that cannot sign (an individual or
    /// a foreign ship), given when sealing.
    private static func automaticEmission(
        _ state: FormState, sealedAs sealed: FormStatus, context: DecisionContext
    ) throws(DomainError) -> DomainEvent {
        let who = state.content.emitter.isForeignShip ? "foreign ship" : "individual"
        var signature = EmissionSignature(
            emittedAt: context.now, emittedBy: "automatic signature (\(who))")
        signature.isAutomatic = true
        let signed = try Workflow.next(
            from: sealed, on: .signEmission, facts: facts(state.content))
        return .emissionSigned(
            EmissionSigned(
                header: header(state.id, context), signature: signature, changes: [],
                status: signed))
    }

    /// The emitter signs; waste fields given at signature complete the content first.
    static func signEmission(
        _ input: SignEmissionInput, state: FormState, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        if state.content.emitter.type == .appendix1 {
            throw .commandNotAllowed(status: state.status, command: .signEmission)
        }
        let next = try Workflow.next(
            from: state.status, on: .signEmission,
            facts: facts(state.content))
        var content = state.content
        content.wasteDetails.quantity = input.quantity ?? content.wasteDetails.quantity
        content.wasteDetails.packagings = input.packagings ?? content.wasteDetails.packagings
        content.wasteDetails.isSubjectToADR =
            input.isSubjectToADR ?? content.wasteDetails.isSubjectToADR
        content.wasteDetails.onuCode = input.onuCode ?? content.wasteDetails.onuCode
        content.wasteDetails.nonRoadRegulationMention =
            input.nonRoadRegulationMention ?? content.wasteDetails.nonRoadRegulationMention
        if let plates = input.transporterNumberPlates, !content.transporters.isEmpty {
            content.transporters[0].numberPlates = plates
        }
        content = content.normalized()
        var collector = IssueCollector()
        collector.merge(StepValidator.emissionIssues(content, createdAt: state.createdAt))
        collector.require(input.emittedBy, "emittedBy")
        if input.byEcoOrganisme && content.ecoOrganisme?.siret == nil {
            collector.add("ecoOrganisme.siret", .required)
        }
        try collector.check()
        var signature = EmissionSignature(emittedAt: input.emittedAt, emittedBy: input.emittedBy)
        signature.byEcoOrganisme = input.byEcoOrganisme
        return [
            .emissionSigned(
                EmissionSigned(
                    header: header(state.id, context),
                    signature: signature, changes: state.content.changes(to: content), status: next)
            )
        ]
    }

    /// The temporary storer signs as emitter of the onward journey.
    static func signTempStorerEmission(
        _ input: SignEmissionInput, state: FormState, context: DecisionContext
    ) throws(DomainError) -> [DomainEvent] {
        let next = try Workflow.next(
            from: state.status, on: .signTempStorerEmission,
            facts: TransitionFacts())
        var collector = IssueCollector()
        collector.require(input.emittedBy, "emittedBy")
        collector.require(state.temporaryStorage?.destination, "temporaryStorage.destination")
        try collector.check()
        let signature = EmissionSignature(emittedAt: input.emittedAt, emittedBy: input.emittedBy)
        return [
            .tempStorerEmissionSigned(
                EmissionSigned(
                    header: header(state.id, context),
                    signature: signature, changes: [], status: next))
        ]
    }

    /// Registry checks, when the caller loaded the companies' profiles.
    static func registryIssues(
        _ content: FormContent, createdAt: Timestamp, context: DecisionContext
    ) -> [ValidationIssue] {
        guard let companies = context.companies else { return [] }
        return RegistryRules(companies: companies, createdAt: createdAt).issues(in: content)
    }

    /// The workflow facts read from the content alone.
    static func facts(_ content: FormContent) -> TransitionFacts {
        var facts = TransitionFacts()
        facts.emitterType = content.emitter.type
        facts.isDirectSupply = content.isDirectSupply
        return facts
    }
}
