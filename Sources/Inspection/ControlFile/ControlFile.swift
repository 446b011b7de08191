import Domain
import Projections

/// A company's file for a period (reference §5, the inspectors' "fiche établissement"):
/// every BSD where it appears and whose life overlaps the period, counted by role and
/// status, and the quantities that came in and went out per waste code. Drafts and deleted
/// BSDs are left out: a draft is the company's own work in progress, which inspectors do
/// not read (`form` hides drafts from them too).
public struct ControlFile: Sendable {
    /// A count of BSDs for one role and status.
    public struct RoleStatusCount: Equatable, Sendable {
        /// The company's role on the BSDs.
        public var role: FormRole
        /// Their status.
        public var status: FormStatus
        /// How many.
        public var count: Int
    }

    /// Quantities of one waste code in the period.
    public struct WasteFlow: Equatable, Sendable {
        /// The waste code.
        public var wasteCode: String
        /// Accepted at the company (as destination or temporary storer), by reception date.
        public var incoming = Weight.zero
        /// BSDs received.
        public var incomingForms = 0
        /// Left the company (as emitter, or as temporary storer for the onward journey), by
        /// pickup date.
        public var outgoing = Weight.zero
        /// BSDs picked up.
        public var outgoingForms = 0
    }

    /// The company.
    public var orgId: String
    /// The period, `[from, to)` in µs.
    public var from: Int64
    /// The end of the period, excluded.
    public var to: Int64
    /// The BSDs, newest first, each with the company's roles.
    public var forms: [(state: FormState, roles: Set<FormRole>)] = []
    /// Counts by role and status, in role then status order.
    public var counts: [RoleStatusCount] = []
    /// Flows per waste code, by code.
    public var flows: [WasteFlow] = []

    /// The file of `orgId` over `[from, to)` from the BSDs that name it (drafts and
    /// deleted BSDs skipped).
    public init(orgId: String, from: Int64, to: Int64, states: [FormState]) {
        self.orgId = orgId
        self.from = from
        self.to = to
        var counts: [FormRole: [FormStatus: Int]] = [:]
        var flows: [String: WasteFlow] = [:]
        for state in states where state.exists && !state.isDeleted && state.status != .draft {
            guard let roles = state.rolesByOrgId[orgId], !roles.isEmpty,
                state.createdAt.microseconds < to, state.updatedAt.microseconds >= from
            else { continue }
            forms.append((state, roles))
            for role in roles { counts[role, default: [:]][state.status, default: 0] += 1 }
            addFlows(state, into: &flows)
        }
        forms.sort { $0.state.createdAt > $1.state.createdAt }
        self.counts = FormRole.allCases.flatMap { role in
            FormStatus.allCases.compactMap { status in
                counts[role]?[status].map { RoleStatusCount(role: role, status: status, count: $0) }
            }
        }
        self.flows = flows.values.sorted { $0.wasteCode < $1.wasteCode }
    }

    private func within(_ instant: Timestamp?) -> Bool {
        guard let instant else { return false }
        return instant.microseconds >= from && instant.microseconds < to
    }

    /// Adds what `state` brought in and took out of the company during the period.
    private func addFlows(_ state: FormState, into flows: inout [String: WasteFlow]) {
        let code = state.content.wasteDetails.code ?? "?"
        let storage = state.temporaryStorage
        let storedHere =
            state.content.recipient.company?.orgId == orgId
            && state.content.recipient.isTempStorage
        let finalHere =
            storage?.destination?.company?.orgId ?? state.content.recipient.company?.orgId == orgId
        var flow = flows[code] ?? WasteFlow(wasteCode: code)
        if storedHere, let storage, within(storage.reception.receivedAt) {
            flow.incoming = flow.incoming + (storage.reception.quantityAccepted ?? .zero)
            flow.incomingForms += 1
        } else if finalHere, !storedHere, let reception = state.reception,
            within(reception.receivedAt)
        {
            flow.incoming = flow.incoming + (reception.quantityAccepted ?? .zero)
            flow.incomingForms += 1
        }
        if state.content.emitter.company?.orgId == orgId, within(state.firstPickupAt) {
            flow.outgoing = flow.outgoing + (state.content.wasteDetails.quantity ?? .zero)
            flow.outgoingForms += 1
        }
        if storedHere, let storage, within(storage.transport?.takenOverAt) {
            let onward = storage.wasteDetails?.quantity ?? storage.reception.quantityAccepted
            flow.outgoing = flow.outgoing + (onward ?? .zero)
            flow.outgoingForms += 1
        }
        if flow.incomingForms + flow.outgoingForms > 0 { flows[code] = flow }
    }
}
