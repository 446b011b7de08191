import Domain

/// A traceability report over a set of BSDs (those of one company, say): the BSDs stuck at
/// a step past its delay, the receptions whose quantity differs from what left beyond the
/// tolerance, treatments recorded without a reception, annexe-2 chains still open past the
/// AWAITING_GROUP delay, and for every initial BSD where its waste ended.
///
/// Pure: the BSDs come in as states, linked BSDs through `load`, the instant in `options`.
public struct TraceabilityReport: Sendable {
    /// What is flagged, BSD by BSD in the order of the subjects, then by kind.
    public var anomalies: [TraceabilityAnomaly] = []
    /// One per initial BSD among the subjects (a BSD that groups none).
    public var outcomes: [ChainOutcome] = []

    /// The companies the report names: the treating company of every final treatment it
    /// lists (reached through regroupements, they need not be named on the subjects).
    public var namedOrgIds: Set<String> {
        Set(outcomes.flatMap { $0.finals.compactMap(\.destinationOrgId) }.filter { !$0.isEmpty })
    }

    /// Checks `subjects` (deleted BSDs and drafts are skipped), reading the regroupements
    /// they went into through `load`.
    public init(
        subjects: [FormState], options: TraceabilityOptions, load: (String) -> FormState?
    ) {
        for state in subjects where state.exists && !state.isDeleted && state.status != .draft {
            if let stuck = Self.stuck(state, options) { anomalies.append(stuck) }
            anomalies += Self.quantityMismatches(state, options)
            if Self.treatedWithoutReception(state) {
                anomalies.append(
                    TraceabilityAnomaly(kind: .treatmentWithoutReception, state: state))
            }
            guard state.content.grouping.isEmpty, state.content.emitter.type != .appendix2 else {
                continue
            }
            let outcome = ChainWalker.outcome(of: state, load: load)
            outcomes.append(outcome)
            if let open = Self.openChain(state, outcome, options) { anomalies.append(open) }
        }
    }

    /// STUCK when `state` waits at a step (not an open chain, reported on its own) longer
    /// than the step's delay.
    static func stuck(_ state: FormState, _ options: TraceabilityOptions) -> TraceabilityAnomaly? {
        guard let step = TraceabilityStep.of(state.status), step != .awaitingGroup else {
            return nil
        }
        let since = TraceabilityStep.since(state)
        guard options.now - since > options.delay(step) else { return nil }
        var anomaly = TraceabilityAnomaly(kind: .stuck, state: state)
        anomaly.step = step
        anomaly.since = since
        return anomaly
    }

    /// QUANTITY_MISMATCH for each leg whose reception differs from what left it: the
    /// emitter to the first reception (the temporary storer or the destination), and the
    /// temporary storer to the final destination.
    static func quantityMismatches(
        _ state: FormState, _ options: TraceabilityOptions
    ) -> [TraceabilityAnomaly] {
        var legs: [(Weight?, Weight?)] = []
        let emitted = state.content.wasteDetails.quantity
        if let storage = state.temporaryStorage {
            legs.append((emitted, storage.reception.quantityReceived))
            let onward = storage.wasteDetails?.quantity ?? storage.reception.quantityAccepted
            legs.append((onward, state.reception?.quantityReceived))
        } else {
            legs.append((emitted, state.reception?.quantityReceived))
        }
        return legs.compactMap { sent, received in
            guard let sent, let received, sent.grams > 0 else { return nil }
            let difference = Double(abs(received.grams - sent.grams))
            guard difference > options.quantityTolerance * Double(sent.grams) else { return nil }
            var anomaly = TraceabilityAnomaly(kind: .quantityMismatch, state: state)
            anomaly.emitted = sent
            anomaly.received = received
            return anomaly
        }
    }

    /// Whether a treatment is recorded with no reception anywhere on the BSD.
    static func treatedWithoutReception(_ state: FormState) -> Bool {
        guard state.processing != nil else { return false }
        let receptions = [state.reception, state.temporaryStorage?.reception].compactMap { $0 }
        return !receptions.contains { reception in
            reception.receivedAt != nil || reception.quantityReceived != nil
                || reception.signedAt != nil
        }
    }

    /// OPEN_CHAIN when `state` went into annexe-2 grouping (it waits for or went into a
    /// regroupement) and a branch of its chain has waited past the AWAITING_GROUP delay.
    static func openChain(
        _ state: FormState, _ outcome: ChainOutcome, _ options: TraceabilityOptions
    ) -> TraceabilityAnomaly? {
        let enteredGrouping =
            !state.groupedIn.isEmpty || state.status == .awaitingGroup || state.status == .grouped
        guard enteredGrouping, !outcome.isClosed else { return nil }
        let oldest = outcome.open.map(TraceabilityStep.since).min() ?? state.updatedAt.microseconds
        guard options.now - oldest > options.delay(.awaitingGroup) else { return nil }
        var anomaly = TraceabilityAnomaly(kind: .openChain, state: state)
        anomaly.step = .awaitingGroup
        anomaly.since = oldest
        anomaly.openAt = outcome.open.map(\.readableId)
        return anomaly
    }
}
