import Domain
import GraphQL

extension FormView {
    /// The annexe links: what is grouped here, and where this BSD was grouped.
    func links(_ state: FormState, into form: inout ViewObject) {
        guard
            ["grouping", "appendix2Forms", "quantityGrouped", "groupedIn"].contains(
                where: form.wants)
        else { return }
        let grouped = state.content.grouping.compactMap { fraction in
            linked(fraction.formId).map { (Self.initialForm($0), fraction.quantity) }
        }
        form.set("grouping", list: grouped.map { Self.fraction($0.0, quantity: $0.1) })
        if state.content.emitter.type == .appendix2 {
            form.set("appendix2Forms", list: grouped.map(\.0))
        }
        form.set("quantityGrouped", state.groupedQuantity)
        form.set(
            "groupedIn",
            list: state.groupedIn.compactMap { fraction in
                linked(fraction.formId).map {
                    Self.fraction(Self.initialForm($0), quantity: fraction.quantity)
                }
            })
    }

    /// An `InitialFormFraction` or a `FormFraction` (same shape).
    static func fraction(_ form: JSON, quantity: Weight?) -> JSON {
        var object = ViewObject()
        object.set("form", form)
        object.set("quantity", quantity)
        return object.json
    }

    /// A linked BSD as `InitialForm`: what a regroupement's readers may see of it. Its
    /// reception is the final destination's, or the temporary storer's when there is none.
    static func initialForm(_ state: FormState) -> JSON {
        let reception = state.reception ?? state.temporaryStorage?.reception
        var object = ViewObject()
        object.set("id", state.id)
        object.set("readableId", state.readableId)
        object.set("status", state.status)
        object.set("wasteDetails", wasteDetails(state.content.wasteDetails))
        object.set("emitter", emitter(state.content.emitter))
        object.set("recipient", recipient(state.content.recipient))
        object.set("signedAt", reception?.signedAt)
        object.set("quantityReceived", reception?.quantityReceived)
        object.set("quantityAccepted", state.acceptedQuantity)
        object.set("quantityGrouped", state.groupedQuantity)
        object.set("processingOperationDone", state.processing?.operationDone)
        return object.json
    }
}
