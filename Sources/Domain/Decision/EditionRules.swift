/// Which content fields a signature locks (reference §2.4): almost everything at emission;
/// the sample number at transport; transporters and intermediaries at reception. While
/// SIGNED_BY_PRODUCER the emitter's side may still edit all but the emitter's identity.
public enum EditionRules {
    /// The changed paths that `actor` may not change on `state`, sorted.
    public static func lockedPaths(
        _ changes: [FieldChange], state: FormState, actor: Actor, newContent: FormContent
    ) -> [String] {
        if state.status == .draft { return [] }
        let isAnnex2 = state.content.emitter.type == .appendix2
        if state.status == .sealed {
            // Annexe-2 links are recorded when sealing; changing them afterwards would
            // leave the initial BSDs' links stale.
            return isAnnex2 ? changes.map(\.path).filter { $0 == "grouping" } : []
        }
        let received =
            state.reception?.receivedAt != nil
            || state.temporaryStorage?.reception.receivedAt != nil
        let transported = !state.transportSignatures.isEmpty
        let emitterSide = isEmitterSide(actor, state)
        var locked = changes.map(\.path).filter { fieldPath in
            if received { return true }
            if fieldPath == "transporters" || fieldPath.hasPrefix("intermediaries") { return false }
            if fieldPath == "grouping" {
                return !(state.content.emitter.type == .appendix1 && state.status == .sent)
            }
            if fieldPath == "wasteDetails.sampleNumber" { return transported }
            if state.status == .signedByProducer && emitterSide {
                return isEmitterIdentity(fieldPath)
            }
            return true
        }
        let signed = state.transportSignatures.count
        if !received, signed > 0,
            newContent.transporters.count < signed
                || Array(newContent.transporters.prefix(signed))
                    != Array(state.content.transporters.prefix(signed))
        {
            locked.append("transporters")
        }
        return locked.sorted()
    }

    private static func isEmitterSide(_ actor: Actor, _ state: FormState) -> Bool {
        guard let orgId = actor.companyOrgId else { return false }
        if orgId == state.content.emitter.company?.siret { return true }
        return state.emission?.byEcoOrganisme == true
            && orgId == state.content.ecoOrganisme?.siret
    }

    private static func isEmitterIdentity(_ fieldPath: String) -> Bool {
        fieldPath == "emitter.type" || fieldPath.hasPrefix("emitter.company.")
            || fieldPath == "emitter.isPrivateIndividual" || fieldPath == "emitter.isForeignShip"
    }
}
