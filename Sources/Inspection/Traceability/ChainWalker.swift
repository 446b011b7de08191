import Domain

/// Follows an initial BSD through the annexe-2 regroupements it went into, down to the
/// BSDs that ended (a treatment that is not a grouping, or a final status), and notes the
/// branches still open. Pure: BSDs are read through `load`.
enum ChainWalker {
    /// Regroupements of regroupements deeper than this are not followed (the reference
    /// forbids regrouping a regroupement, so real chains have one hop).
    static let maximumDepth = 8
    /// The outcome of `initial`'s chain.
    static func outcome(of initial: FormState, load: (String) -> FormState?) -> ChainOutcome {
        var outcome = ChainOutcome(
            formId: initial.id, readableId: initial.readableId,
            wasteCode: initial.content.wasteDetails.code, status: initial.status)
        var visited: Set<String> = []
        walk(initial, path: [], visited: &visited, into: &outcome, load: load)
        return outcome
    }

    private static func walk(
        _ state: FormState, path: [String], visited: inout Set<String>,
        into outcome: inout ChainOutcome, load: (String) -> FormState?
    ) {
        guard visited.insert(state.id).inserted else { return }
        let path = path + [state.readableId]
        let grouped = state.groupedIn.compactMap { load($0.formId) }
        if !grouped.isEmpty && path.count <= maximumDepth {
            for next in grouped {
                walk(next, path: path, visited: &visited, into: &outcome, load: load)
            }
            // Waste accepted but not yet put into a regroupement is a branch of its own.
            if state.status == .awaitingGroup { outcome.open.append(state) }
            return
        }
        if hasEnded(state) {
            outcome.finals.append(
                FinalTreatment(
                    formId: state.id, readableId: state.readableId, status: state.status,
                    operationCode: state.processing?.operationDone,
                    destinationOrgId: treatingCompany(state),
                    processedAt: state.processing?.processedAt.microseconds, path: path))
        } else {
            outcome.open.append(state)
        }
    }

    /// Whether the waste of `state` ended there: a final status that is not a grouping
    /// treatment waiting for its regroupement.
    static func hasEnded(_ state: FormState) -> Bool {
        guard state.status.isFinal else { return false }
        if state.status == .processed, let code = state.processing?.operationDone,
            Nomenclatures.operation(code)?.isGrouping == true
        {
            return false
        }
        return true
    }

    /// The company that treated `state`: the final destination after temporary storage,
    /// else the recipient.
    static func treatingCompany(_ state: FormState) -> String? {
        if let destination = state.temporaryStorage?.destination?.company?.orgId {
            return destination
        }
        return state.content.recipient.company?.orgId
    }
}
