import Domain
import Identity
import Projections

/// Who may do what with a BSD (reference §5), as a pure function of the BSD, the action and
/// the caller's memberships. A BSD the caller may not read is reported as not found, never
/// as forbidden, so that guessing ids reveals nothing.
struct FormAccess: Sendable {
    /// The outcome of a check.
    enum Verdict: Equatable, Sendable {
        /// Allowed, acting for this company.
        case allowed(actingOrgId: String)
        /// Allowed if the caller types this company's security code.
        case needsSecurityCode(orgId: String)
        /// The caller sees the BSD but may not do this.
        case forbidden(String)
        /// The caller may not see the BSD (or it does not exist).
        case notFound
    }

    /// The caller's role in each of their companies, by org id.
    let roles: [String: Role]

    /// Makes the checker for a caller with these memberships.
    init(roles: [String: Role]) {
        self.roles = roles
    }

    /// Makes the checker from a list of memberships.
    init(memberships: [Membership]) {
        roles = Dictionary(memberships.map { ($0.orgId, $0.role) }) { first, _ in first }
    }

    /// Whether the caller may read `state`.
    func canRead(_ state: FormState) -> Bool {
        !state.readerOrgIds.isDisjoint(with: roles.keys)
    }

    /// The caller's companies that may read `state`.
    func readingOrgIds(_ state: FormState) -> Set<String> {
        state.readerOrgIds.intersection(roles.keys)
    }

    /// Decides `action` on `state` (a blank state for a creation).
    func verdict(_ action: FormAction, on state: FormState) -> Verdict {
        switch action {
        case .create(let content):
            return creation(content)
        case .importPaper where !state.exists:
            return creation(nil)
        default:
            break
        }
        guard canRead(state) else { return .notFound }
        switch action {
        case .read:
            return allowedAmong(readingOrgIds(state), action)
        case .update(let after):
            var changed = state
            changed.content = after
            let stays = !Set(changed.rolesByOrgId.keys).isDisjoint(with: roles.keys)
            guard stays else {
                return .forbidden("After this change none of your companies would be on the BSD.")
            }
            return allowedAmong(readingOrgIds(state), action)
        case .delete where state.status == .signedByProducer:
            let signer =
                state.emission?.byEcoOrganisme == true
                ? state.content.ecoOrganisme?.siret : state.content.emitter.company?.orgId
            return step(signer, action, role: "the emitter")
        case .delete, .duplicate, .seal, .editTransporters:
            return allowedAmong(readingOrgIds(state), action)
        case .signEmission(let byEcoOrganisme):
            return step(emissionSigner(state, byEcoOrganisme), action, role: "the emitter")
        case .signTransport:
            let next =
                state.status == .signedByTempStorer
                ? state.temporaryStorage?.transporter?.company?.orgId : state.nextTransporterOrgId
            return step(next, action, role: "the next transporter")
        case .receive:
            return step(finalDestination(state), action, role: "the destination")
        case .process:
            if state.status == .tempStorerAccepted, let storer = recipient(state),
                allows(storer, action)
            {
                return .allowed(actingOrgId: storer)
            }
            return step(finalDestination(state), action, role: "the destination")
        case .tempStore, .reseal, .resend:
            return step(recipient(state), action, role: "the temporary storer")
        case .importPaper:
            return step(recipient(state), action, role: "the destination")
        case .create:
            return creation(nil)
        }
    }

    /// Creating: the caller needs the right in a company named on the BSD; the acting company
    /// is the first such one in the order emitter, recipient, transporters, others. An
    /// import without content (a blank state) only needs the right somewhere; the decision
    /// then checks the BSD names that company as destination.
    private func creation(_ content: FormContent?) -> Verdict {
        let named = content.map(Self.namedInOrder) ?? roles.keys.sorted()
        for orgId in named where allows(orgId, .create(FormContent())) {
            return .allowed(actingOrgId: orgId)
        }
        return .forbidden(
            "You must be a MEMBER or ADMIN of a company named on the BSD to create it.")
    }

    /// The company whose step this is: allowed with the right role, else, for someone outside
    /// that company, with its security code when the action accepts one. A member whose role
    /// does not allow the step (READER, or DRIVER outside transport) may not use the code:
    /// it is shown to every member, and the role is the rule within the company.
    private func step(_ orgId: String?, _ action: FormAction, role: String) -> Verdict {
        guard let orgId, !orgId.isEmpty else {
            return .forbidden("No company is named as \(role) for this step.")
        }
        if allows(orgId, action) { return .allowed(actingOrgId: orgId) }
        if action.acceptsSecurityCode && roles[orgId] == nil {
            return .needsSecurityCode(orgId: orgId)
        }
        return .forbidden("Only \(role) (\(orgId)) may do this, with a role allowing it.")
    }

    /// Allowed when one of `orgIds` gives the right; the acting company is the first in
    /// sorted order where the caller is more than a DRIVER, else the first where they are
    /// one, so the choice is stable and a DRIVER's limits apply only when no other role
    /// allows the action.
    private func allowedAmong(_ orgIds: Set<String>, _ action: FormAction) -> Verdict {
        let allowed = orgIds.sorted().filter { allows($0, action) }
        if let orgId = allowed.first(where: { roles[$0] != .driver }) ?? allowed.first {
            return .allowed(actingOrgId: orgId)
        }
        return .forbidden("Your role in the companies on this BSD does not allow this.")
    }

    /// Whether the caller's role in `orgId` grants what `action` needs.
    func allows(_ orgId: String, _ action: FormAction) -> Bool {
        guard let role = roles[orgId] else { return false }
        if role == .driver && !action.isTransportStep { return false }
        return Permissions.can(role, action.permission)
    }

    private func emissionSigner(_ state: FormState, _ byEcoOrganisme: Bool) -> String? {
        if state.status == .resealed { return recipient(state) }
        if byEcoOrganisme { return state.content.ecoOrganisme?.siret }
        return state.content.emitter.company?.orgId
    }

    private func recipient(_ state: FormState) -> String? {
        state.content.recipient.company?.orgId
    }

    /// The destination after the temporary storage when there is one, else the recipient.
    private func finalDestination(_ state: FormState) -> String? {
        if let storage = state.temporaryStorage {
            return storage.destination?.company?.orgId
                ?? state.content.temporaryStorageDestination?.company?.orgId
        }
        return recipient(state)
    }

    /// The org ids a content names, emitter first, without repeats.
    static func namedInOrder(_ content: FormContent) -> [String] {
        var companies: [FormCompany?] = [content.emitter.company, content.recipient.company]
        companies += content.transporters.map(\.company)
        companies += [
            content.trader?.company, content.broker?.company,
            content.temporaryStorageDestination?.company,
        ]
        companies += content.intermediaries.map { Optional($0) }
        var ids = companies.compactMap { $0?.orgId }.filter { !$0.isEmpty }
        if let eco = content.ecoOrganisme?.siret, !eco.isEmpty { ids.append(eco) }
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
