import Domain
import GraphQL

extension FormView {
    /// The dashboard's digest as `StateSummary`: the waste as it travels now (after
    /// repackaging when the storer repackaged it), the transporter in charge or next, the
    /// final destination, the emitter and the last change.
    static func stateSummary(_ state: FormState) -> JSON {
        let waste = repackagedWaste(state) ?? state.content.wasteDetails
        let carrier = activeTransporter(state)
        var object = ViewObject()
        object.set("quantity", summaryQuantity(state))
        object.set("packagingInfos", list: waste.packagings.map(packagingInfo))
        object.set("onuCode", waste.onuCode)
        object.set("transporter", carrier?.company.map(company))
        object.set("transporterNumberPlate", carrier.flatMap { numberPlate($0.numberPlates) })
        object.set("transporterCustomInfo", carrier?.customInfo)
        object.set("recipient", finalDestination(state)?.company.map(company))
        object.set("emitter", state.content.emitter.company.map(company))
        object.set("lastActionOn", state.updatedAt)
        return object.json
    }

    /// The quantity the BSD stands for now: the repackaged one, else the final
    /// destination's accepted then received quantity, else the storer's, else the one
    /// declared by the emitter.
    static func summaryQuantity(_ state: FormState) -> Weight? {
        let storer = state.temporaryStorage?.reception
        return state.temporaryStorage?.wasteDetails?.quantity
            ?? state.reception?.quantityAccepted ?? state.reception?.quantityReceived
            ?? storer?.quantityAccepted ?? storer?.quantityReceived
            ?? state.content.wasteDetails.quantity
    }

    /// The transporter carrying the waste now, or else the next one to take it over; nil
    /// once the waste has reached its destination.
    static func activeTransporter(_ state: FormState) -> Transporter? {
        let chain = state.content.transporters
        switch state.status {
        case .draft, .sealed, .signedByProducer:
            return chain.indices.contains(state.transportSignatures.count)
                ? chain[state.transportSignatures.count] : nil
        case .sent:
            guard let last = state.transportSignatures.last,
                chain.indices.contains(last.number - 1)
            else { return nil }
            return chain[last.number - 1]
        case .tempStored, .tempStorerAccepted, .resealed, .signedByTempStorer, .resent:
            return state.temporaryStorage?.transporter
        default:
            return nil
        }
    }

    /// Where the waste ends up: after a temporary storage, the storer's chosen or the
    /// planned destination; otherwise the recipient.
    static func finalDestination(_ state: FormState) -> Recipient? {
        guard goesThroughStorage(state) else { return state.content.recipient }
        return state.temporaryStorage?.destination ?? state.content.temporaryStorageDestination
            ?? state.content.recipient
    }
}
