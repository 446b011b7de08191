import Domain

/// The commands of one generated BSD along one lifecycle path.
struct WorkloadScript {
    let parties: Parties
    let formId: String
    let spareId: String
    let quantity: Int64
    let wasteCode: String
    let customId: String?

    typealias Step = WorkloadFlight.Step

    func steps(_ path: WorkloadPath) -> [Step] {
        switch path {
        case .direct: return opening(content()) + arrival(accepted(quantity)) + treatment()
        case .multimodal:
            var multi = content()
            multi.transporters.append(transporter(parties.second, mode: .rail))
            // Multimodal transporters carry ids, as the API's createFormTransporter gives them.
            for index in multi.transporters.indices {
                multi.transporters[index].id = "\(formId)-t\(index + 1)"
            }
            return opening(multi) + [take(parties.second)] + arrival(accepted(quantity))
                + treatment()
        case .refusal:
            return opening(content()) + [
                step(parties.plant) { .markReceived(Self.arrival($0)) },
                step(parties.plant) { .markAccepted(self.refused($0)) },
            ]
        case .partialRefusal:
            return opening(content()) + arrival(partial()) + treatment()
        case .plannedTemporaryStorage: return plannedStorage()
        case .unplannedTemporaryStorage: return unplannedStorage()
        case .cancellation:
            let cancel = step(parties.emitter) { _ in .cancel(reason: "Révision") }
            return opening(content()) + [cancel]
        case .draftEditing: return editing()
        case .paperImport: return [paperImport()]
        case .appendix2: return regroupement()
        case .appendix1: return collectionRound()
        }
    }

    func step(
        _ actor: FormCompany, on id: String? = nil, newFormId: String? = nil,
        _ command: @escaping (Timestamp) -> FormCommand
    ) -> Step {
        Step(command: command, formId: id ?? formId, actor: actor, newFormId: newFormId)
    }

    /// Create, seal, sign emission, first take-over.
    func opening(_ content: FormContent) -> [Step] {
        [
            Step(
                command: { _ in .create(content) }, formId: nil, actor: parties.emitter,
                newFormId: formId),
            step(parties.emitter) { _ in .seal },
            step(parties.emitter) {
                .signEmission(SignEmissionInput(emittedAt: $0, emittedBy: "Dom"))
            },
            take(parties.transporter),
        ]
    }

    func take(_ company: FormCompany) -> Step {
        step(company) { .signTransport(SignTransportInput(takenOverAt: $0, takenOverBy: "Sam")) }
    }

    func arrival(_ acceptance: @escaping (Timestamp) -> Reception) -> [Step] {
        [
            step(parties.plant) { .markReceived(Self.arrival($0)) },
            step(parties.plant) { .markAccepted(acceptance($0)) },
        ]
    }

    func treatment(by plant: FormCompany? = nil) -> [Step] {
        let dangerous = wasteCode.hasSuffix("*")
        return [
            step(plant ?? parties.plant) { now in
                var processing = Processing(
                    operationDone: dangerous ? "R 1" : "D 10", processedBy: "Alix",
                    processedAt: now)
                processing.operationMode = dangerous ? .valorisationEnergetique : .elimination
                return .markProcessed(processing)
            }
        ]
    }
}
