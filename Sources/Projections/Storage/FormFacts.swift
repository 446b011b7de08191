import Domain

/// What the indexes need to know about one state, worked out once per state: who is named
/// with which roles, who may read it, and whose turn it is.
struct FormFacts {
    let roles: [String: Set<FormRole>]
    let orgIds: [String]
    let readers: [String]
    let nextStep: Set<String>

    init(_ state: FormState, initialEmitters: Set<String> = []) {
        roles = state.rolesByOrgId
        orgIds = roles.keys.sorted()
        readers = state.readerOrgIds(named: roles, initialEmitters: initialEmitters).sorted()
        nextStep = state.exists ? state.nextStepOrgIds : []
    }

    /// The list entry of `orgId` for `state`.
    func summary(_ state: FormState, for orgId: String) -> FormSummary {
        FormSummary(
            formId: state.id, status: state.status, roles: roles[orgId] ?? [],
            hasNextStep: nextStep.contains(orgId), wasteCode: state.content.wasteDetails.code,
            customId: state.content.customId, updatedAt: state.updatedAt.microseconds,
            sentAt: state.firstPickupAt?.microseconds, orgIds: orgIds)
    }
}
