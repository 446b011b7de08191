import Domain
import GraphQL

extension FormView {
    /// The emission signature and the first take-over. The legacy `sentAt`, `sentBy` and
    /// `signedByTransporter` are filled at the first take-over, as Trackdéchets does:
    /// `sentAt` is its date and `sentBy` the emitter's signatory.
    static func emissionAndTransport(_ state: FormState, into form: inout ViewObject) {
        let emission = state.emission
        form.set("emittedAt", emission?.emittedAt)
        form.set("emittedBy", emission?.emittedBy)
        form.set("emittedByEcoOrganisme", emission?.byEcoOrganisme)
        guard let first = signature(state, number: 1) else { return }
        form.set("takenOverAt", first.takenOverAt)
        form.set("takenOverBy", first.takenOverBy)
        form.set("signedByTransporter", true)
        form.set("sentAt", first.takenOverAt)
        form.set("sentBy", emission?.emittedBy)
    }

    /// The final destination's reception and acceptance.
    static func reception(_ reception: Reception?, into form: inout ViewObject) {
        guard let reception else { return }
        form.set("wasteAcceptationStatus", reception.acceptationStatus)
        form.set("wasteRefusalReason", reception.refusalReason)
        form.set("hasCiterneBeenWashedOut", reception.hasCiterneBeenWashedOut)
        form.set("citerneNotWashedOutReason", reception.citerneNotWashedOutReason)
        form.set("emptyReturnADR", reception.emptyReturnADR)
        form.set("receivedBy", reception.receivedBy)
        form.set("receivedAt", reception.receivedAt)
        form.set("signedAt", reception.signedAt)
        form.set("signedBy", reception.signedBy)
        form.set("quantityReceived", reception.quantityReceived)
        form.set("quantityReceivedType", reception.quantityType)
        form.set("quantityAccepted", reception.quantityAccepted)
        form.set("quantityRefused", reception.quantityRefused)
    }

    /// The treatment done.
    static func processing(_ processing: Processing?, into form: inout ViewObject) {
        guard let processing else { return }
        form.set("processingOperationDone", processing.operationDone)
        form.set("destinationOperationMode", processing.operationMode)
        form.set("processingOperationDescription", processing.description)
        form.set("processedBy", processing.processedBy)
        form.set("processedAt", processing.processedAt)
        form.set("noTraceability", processing.noTraceability)
        form.set("isUpcycled", processing.isUpcycled)
        form.set("nextDestination", processing.nextDestination.map(nextDestination))
    }

    /// Whether the BSD goes, or went, through a temporary storage.
    static func goesThroughStorage(_ state: FormState) -> Bool {
        state.content.recipient.isTempStorage || state.temporaryStorage != nil
    }

    /// Box 13 onwards as `TemporaryStorageDetail`; nil when the BSD does not go through a
    /// temporary storage.
    static func temporaryStorageDetail(_ state: FormState) -> JSON? {
        guard goesThroughStorage(state) else { return nil }
        let storage = state.temporaryStorage
        var object = ViewObject()
        object.set("temporaryStorer", storage.map { temporaryStorer($0.reception) })
        object.set("destination", storageDestination(state))
        object.set("wasteDetails", repackagedWaste(state).map(wasteDetails))
        object.set(
            "transporter",
            storage?.transporter.map { transporter($0, signature: storage?.transport) })
        object.set("emittedAt", storage?.emission?.emittedAt)
        object.set("emittedBy", storage?.emission?.emittedBy)
        object.set("takenOverAt", storage?.transport?.takenOverAt)
        object.set("takenOverBy", storage?.transport?.takenOverBy)
        object.set("signedAt", storage?.reception.signedAt)
        object.set("signedBy", storage?.reception.signedBy)
        return object.json
    }

    /// The storer's reception and acceptance as `TemporaryStorer`.
    static func temporaryStorer(_ reception: Reception) -> JSON {
        var object = ViewObject()
        object.set("quantityType", reception.quantityType)
        object.set("quantityReceived", reception.quantityReceived)
        object.set("quantityRefused", reception.quantityRefused)
        object.set("quantityAccepted", reception.quantityAccepted)
        object.set("wasteAcceptationStatus", reception.acceptationStatus)
        object.set("wasteRefusalReason", reception.refusalReason)
        object.set("receivedAt", reception.receivedAt)
        object.set("receivedBy", reception.receivedBy)
        object.set("signedAt", reception.signedAt)
        object.set("signedBy", reception.signedBy)
        return object.json
    }

    /// The destination after storage as `Destination`: the storer's choice once resealed,
    /// else the one the emitter planned. `isFilledByEmitter` says it is the emitter's.
    static func storageDestination(_ state: FormState) -> JSON? {
        let planned = state.content.temporaryStorageDestination
        guard let destination = state.temporaryStorage?.destination ?? planned else {
            return nil
        }
        var object = ViewObject()
        object.set("cap", destination.cap)
        object.set("processingOperation", destination.processingOperation)
        object.set("company", destination.company.map(company))
        object.set("isFilledByEmitter", planned != nil && destination == planned)
        return object.json
    }

    /// The waste as it leaves the storage when the storer repackaged it: the BSD's waste
    /// details with the repackaging's fields over them; nil without repackaging.
    static func repackagedWaste(_ state: FormState) -> WasteDetails? {
        guard let repackaged = state.temporaryStorage?.wasteDetails else { return nil }
        var waste = state.content.wasteDetails
        waste.onuCode = repackaged.onuCode ?? waste.onuCode
        waste.quantity = repackaged.quantity ?? waste.quantity
        waste.quantityType = repackaged.quantityType ?? waste.quantityType
        if !repackaged.packagings.isEmpty { waste.packagings = repackaged.packagings }
        waste.code = repackaged.code ?? waste.code
        waste.name = repackaged.name ?? waste.name
        waste.isSubjectToADR = repackaged.isSubjectToADR ?? waste.isSubjectToADR
        waste.nonRoadRegulationMention =
            repackaged.nonRoadRegulationMention ?? waste.nonRoadRegulationMention
        return waste
    }
}
