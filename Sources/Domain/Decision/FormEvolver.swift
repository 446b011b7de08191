/// Folds events into a BSD's state. Pure and total: events were validated when decided, so
/// applying one never fails; the status comes from the event, never recomputed.
public enum FormEvolver {
    /// The state after `event`; the stream version advances by one.
    public static func evolve(_ state: FormState, _ event: DomainEvent) -> FormState {
        var next = state
        apply(event, to: &next)
        return next
    }

    /// Folds `event` into `next` in place, as ``evolve(_:_:)`` does, without copying the
    /// state: what a long replay does for every event.
    public static func apply(_ event: DomainEvent, to next: inout FormState) {
        next.version += 1
        switch event {
        case .readableIdReserved:
            preconditionFailure("counter events belong to the readable-id stream")
        case .formCreated(let event):
            next.exists = true
            next.id = event.header.formId
            next.readableId = event.readableId
            next.content = event.content
            next.createdAt = event.header.at
            next.createdBy = event.header.actor
            next.isDuplicateOf = event.isDuplicateOf
            next.draftReaderOrgIds = event.draftReaderOrgIds
            next.status = .draft
        case .formUpdated(let event):
            next.content = applying(event.changes, to: next.content)
            if let readers = event.draftReaderOrgIds { next.draftReaderOrgIds = readers }
        case .formDeleted:
            next.isDeleted = true
        case .formSealed(let event), .formResent(let event):
            next.status = event.status
        case .formCanceled(let event):
            next.status = event.status
            next.cancellationReason = event.reason
        case .emissionSigned(let event):
            next.content = applying(event.changes, to: next.content)
            next.emission = event.signature
            next.status = event.status
        case .transportSigned(let event):
            applyTransport(event, to: &next)
        default:
            applyLaterStep(event, to: &next)
        }
        next.updatedAt = event.at
    }

    /// The state after folding `events` in order, from `initial`.
    public static func fold(
        _ events: [DomainEvent], from initial: FormState = FormState()
    )
        -> FormState
    {
        events.reduce(initial, evolve)
    }

    private static func applyTransport(_ event: TransportSigned, to state: inout FormState) {
        state.status = event.status
        if event.leg == .initial && state.firstPickupAt == nil {
            state.firstPickupAt = event.signature.takenOverAt
        }
        guard event.cascadedFrom == nil else { return }
        state.content = applying(event.changes, to: state.content)
        switch event.leg {
        case .initial: state.transportSignatures.append(event.signature)
        case .onward: state.temporaryStorage?.transport = event.signature
        }
    }

    private static func applyLaterStep(_ event: DomainEvent, to state: inout FormState) {
        switch event {
        case .formReceived(let event), .formAccepted(let event):
            state.reception = merged(state.reception ?? Reception(), event.reception)
            state.status = event.status
        case .formTempStored(let event), .formTempStorerAccepted(let event):
            var storage = state.temporaryStorage ?? TemporaryStorage()
            storage.reception = merged(storage.reception, event.reception)
            state.temporaryStorage = storage
            state.status = event.status
        case .formProcessed(let event):
            state.processing = event.processing
            state.status = event.status
        case .formResealed(let event):
            var storage = state.temporaryStorage ?? TemporaryStorage()
            if state.temporaryStorage == nil, let reception = state.reception {
                // Storage not planned: the destination that accepted the waste becomes the
                // temporary storer, and the final destination's reception is still to come.
                storage.reception = reception
                state.reception = nil
            }
            storage.destination = event.destination
            storage.transporter = event.transporter
            storage.wasteDetails = event.wasteDetails
            state.temporaryStorage = storage
            state.status = event.status
        case .tempStorerEmissionSigned(let event):
            state.temporaryStorage?.emission = event.signature
            state.status = event.status
        default:
            applyLink(event, to: &state)
        }
    }

    private static func applyLink(_ event: DomainEvent, to state: inout FormState) {
        switch event {
        case .formGrouped(let link):
            state.groupedIn.append(
                GroupingFraction(formId: link.otherFormId, quantity: link.quantity))
            if let status = link.status { state.status = status }
        case .groupedFormProcessed(let link):
            if let status = link.status { state.status = status }
        case .formUngrouped(let link):
            state.groupedIn.removeAll { $0.formId == link.otherFormId }
            if let status = link.status { state.status = status }
        case .formAttachedToAppendix1(let link):
            state.appendix1ContainerId = link.otherFormId
        case .formImportedFromPaper(let event):
            applyImport(event, to: &state)
        default:
            preconditionFailure("event \(event.type) has no fold rule")
        }
    }

    private static func applyImport(_ event: FormImportedFromPaper, to state: inout FormState) {
        if let readableId = event.readableId {
            state.exists = true
            state.id = event.header.formId
            state.readableId = readableId
            state.createdAt = event.header.at
            state.createdBy = event.header.actor
        }
        state.isImportedFromPaper = true
        state.content = event.content
        state.emission = event.emission
        state.transportSignatures = [event.transport]
        state.reception = event.reception
        state.processing = event.processing
        state.status = event.status
    }

    /// Reception fields recorded by a later step override those of an earlier one.
    static func merged(_ base: Reception, _ step: Reception) -> Reception {
        var result = base
        result.receivedAt = step.receivedAt ?? base.receivedAt
        result.receivedBy = step.receivedBy ?? base.receivedBy
        result.signedAt = step.signedAt ?? base.signedAt
        result.signedBy = step.signedBy ?? base.signedBy
        result.acceptationStatus = step.acceptationStatus ?? base.acceptationStatus
        result.refusalReason = step.refusalReason ?? base.refusalReason
        result.quantityReceived = step.quantityReceived ?? base.quantityReceived
        result.quantityRefused = step.quantityRefused ?? base.quantityRefused
        result.quantityType = step.quantityType ?? base.quantityType
        result.hasCiterneBeenWashedOut =
            step.hasCiterneBeenWashedOut ?? base.hasCiterneBeenWashedOut
        result.citerneNotWashedOutReason =
            step.citerneNotWashedOutReason ?? base.citerneNotWashedOutReason
        result.emptyReturnADR = step.emptyReturnADR ?? base.emptyReturnADR
        return result
    }

    static func applying(_ changes: [FieldChange], to content: FormContent) -> FormContent {
        do {
            return try content.applying(changes)
        } catch {
            preconditionFailure("a decided change must apply: \(error)")
        }
    }
}
