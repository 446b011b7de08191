import Domain
import GraphQL

/// Renders BSD states as the schema's `Form` (reference §2.2): a JSON object whose keys are
/// the fields of `type Form` and of its sub-types, which the executor reads by key. Absent
/// values are left out (read as null); lists the schema declares non-null are always there.
struct FormView {
    /// Linked BSDs by id (grouped initial BSDs, regroupements, annexe-1 items), loaded by
    /// the caller; nil for a BSD it did not load, whose fraction is then left out (an
    /// `InitialForm` needs the readable id and status).
    var linked: (String) -> FormState? = { _ in nil }

    /// The `Form` object for `state`: every field, or only the `wanted` ones (the others are
    /// left out, as absent values are).
    func json(_ state: FormState, wanted: Set<String>? = nil) -> JSON {
        var form = ViewObject(wanted: wanted)
        Self.identity(state, into: &form)
        Self.parties(state, into: &form)
        Self.emissionAndTransport(state, into: &form)
        Self.reception(state.reception, into: &form)
        Self.processing(state.processing, into: &form)
        links(state, into: &form)
        form.set("temporaryStorageDetail", Self.temporaryStorageDetail(state))
        form.set("stateSummary", Self.stateSummary(state))
        form.set("transportSegments", Self.segments(state))
        form.set("currentTransporterSiret", state.currentTransporterOrgId)
        form.set("nextTransporterSiret", state.nextTransporterOrgId)
        return form.json
    }

    /// Ids, status and bookkeeping dates.
    static func identity(_ state: FormState, into form: inout ViewObject) {
        form.set("id", state.id)
        form.set("readableId", state.readableId)
        form.set("customId", state.content.customId)
        form.set("isDuplicateOf", state.isDuplicateOf)
        form.set("isImportedFromPaper", state.isImportedFromPaper)
        form.set("status", state.status)
        form.set("createdAt", state.createdAt)
        form.set("updatedAt", state.updatedAt)
    }

    /// The companies and the waste: the editable content.
    static func parties(_ state: FormState, into form: inout ViewObject) {
        let content = state.content
        form.set("emitter", emitter(content.emitter))
        form.set("recipient", recipient(content.recipient))
        form.set(
            "transporter",
            content.transporters.first.map { first in
                transporter(
                    first, signature: signature(state, number: 1),
                    id: transporterId(formId: state.id, number: 1))
            })
        form.set("transporters", list: transporters(state))
        form.set("isDirectSupply", content.isDirectSupply)
        form.set("wasteDetails", wasteDetails(content.wasteDetails))
        form.set("trader", content.trader.map(tradingParty))
        form.set("broker", content.broker.map(tradingParty))
        form.set("ecoOrganisme", content.ecoOrganisme.flatMap(ecoOrganisme))
        form.set("intermediaries", list: content.intermediaries.map(company))
    }
}
