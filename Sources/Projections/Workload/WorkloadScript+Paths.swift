import Domain

extension WorkloadScript {
    /// Temporary storage planned at creation, then the onward journey to the plant.
    func plannedStorage() -> [Step] {
        var planned = content(destination: parties.storer)
        planned.recipient.isTempStorage = true
        planned.recipient.processingOperation = "R 13"
        var destination = Recipient()
        destination.company = parties.plant
        destination.processingOperation = "R 1"
        planned.temporaryStorageDestination = destination
        let storer = parties.storer
        return opening(planned) + [
            step(storer) { .markTempStored(Self.arrival($0)) },
            step(storer) { .markTempStorerAccepted(self.accepted(quantity)($0)) },
            step(storer) { _ in
                var reseal = ResealInput()
                reseal.transporter = self.transporter(parties.second)
                return .markResealed(reseal)
            },
            step(storer) {
                .signTempStorerEmission(SignEmissionInput(emittedAt: $0, emittedBy: "Eli"))
            },
            take(parties.second),
            step(parties.plant) { .markReceived(self.accepted(quantity)($0)) },
        ] + treatment()
    }

    /// The first destination accepts, then sends the waste on to another plant.
    func unplannedStorage() -> [Step] {
        let first = parties.storer
        return opening(content(destination: first)) + [
            step(first) { .markReceived(self.accepted(quantity)($0)) },
            step(first) { _ in
                var reseal = ResealInput()
                var destination = Recipient()
                destination.company = parties.plant
                destination.processingOperation = "D 10"
                reseal.destination = destination
                reseal.transporter = self.transporter(parties.second)
                return .markResealed(reseal)
            },
            step(first) { _ in .markResent },
            step(parties.plant) { .markReceived(self.accepted(quantity)($0)) },
            step(parties.plant) { now in
                var processing = Processing(
                    operationDone: "D 10", processedBy: "Alix", processedAt: now)
                processing.operationMode = .elimination
                return .markProcessed(processing)
            },
        ]
    }

    /// A draft edited, duplicated, the copy deleted, then the original sent directly.
    func editing() -> [Step] {
        var draft = content()
        draft.wasteDetails.quantity = nil
        let full = content()
        return [
            Step(
                command: { _ in .create(draft) }, formId: nil, actor: parties.emitter,
                newFormId: formId),
            step(parties.emitter) { _ in .update(full) },
            step(parties.emitter, newFormId: spareId) { _ in .duplicate },
            step(parties.emitter, on: spareId) { _ in .delete },
        ] + Array(opening(full).dropFirst()) + arrival(accepted(quantity)) + treatment()
    }

    /// A paper BSD recorded afterwards by the plant.
    func paperImport() -> Step {
        let full = content()
        let dangerous = wasteCode.hasSuffix("*")
        return Step(
            command: { now in
                var processing = Processing(
                    operationDone: dangerous ? "R 1" : "D 10", processedBy: "Alix",
                    processedAt: now)
                processing.operationMode = dangerous ? .valorisationEnergetique : .elimination
                return .importPaperForm(
                    PaperImportInput(
                        content: full,
                        emission: EmissionSignature(emittedAt: now, emittedBy: "Dom"),
                        transport: TransportSignature(
                            number: 1, takenOverAt: now, takenOverBy: "Sam"),
                        reception: self.accepted(quantity)(now), processing: processing))
            }, formId: nil, actor: parties.plant, newFormId: formId)
    }

    /// Annexe 2: the storer treats a BSD with R 13 (awaiting grouping), then sends it on in
    /// a regroupement BSD of its own to the plant, which treats it.
    func regroupement() -> [Step] {
        let storer = parties.storer
        var initial = content(destination: storer)
        initial.recipient.processingOperation = "R 13"
        var grouped = content()
        grouped.emitter.type = .appendix2
        grouped.emitter.company = storer
        grouped.trader = nil
        grouped.grouping = [GroupingFraction(formId: formId, quantity: Weight(grams: quantity))]
        let onward = WorkloadScript(
            parties: parties, formId: spareId, spareId: spareId, quantity: quantity,
            wasteCode: wasteCode, customId: nil)
        return opening(initial) + [
            step(storer) { .markReceived(self.accepted(quantity)($0)) },
            step(storer) { now in
                var processing = Processing(
                    operationDone: "R 13", processedBy: "Eli", processedAt: now)
                var next = NextDestination()
                next.processingOperation = wasteCode.hasSuffix("*") ? "R 1" : "D 10"
                next.company = parties.plant
                processing.nextDestination = next
                return .markProcessed(processing)
            },
            Step(
                command: { _ in .create(grouped) }, formId: nil, actor: storer,
                newFormId: spareId),
            onward.step(storer) { _ in .seal },
            onward.step(storer) {
                .signEmission(SignEmissionInput(emittedAt: $0, emittedBy: "Eli"))
            },
            onward.take(parties.transporter),
            onward.step(parties.plant) { .markReceived(onward.accepted(quantity)($0)) },
        ] + onward.treatment()
    }
}
