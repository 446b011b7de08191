import Domain
import GraphQL
import Inspection
import Projections

extension FormResolvers {
    /// `form(id, readableId)` for members as usual; a BSD they cannot see is shown to an
    /// inspector whose rights cover one of its companies, after recording the read on each
    /// company named on it or on the linked BSDs the answer shows. Drafts and deleted BSDs
    /// stay hidden.
    func formOrControl(
        _ arguments: JSONObject, _ context: any Sendable
    ) async throws(APIError)
        -> JSON
    {
        do throws(APIError) {
            return try form(arguments, context)
        } catch  where error.code == .notFound && arguments.string("asOf") == nil {
            var id = arguments.string("id")
            if id == nil { id = try formId(readableId: arguments.string("readableId") ?? "") }
            let wanted = Self.wantedFormFields
            guard let id,
                let state = try await controlled(
                    id, context, operation: "form",
                    linkedIds: { Self.linkedIds(of: $0, wanted: wanted) })
            else { throw error }
            return try render(state.id)
        }
    }

    /// BSD `id` for an inspector whose rights cover one of its companies, after recording
    /// the read (`operation`) in one append on each company named on it or on the BSDs
    /// `linkedIds` gives (those the answer shows: annexe-2 initial BSDs, regroupements,
    /// annexe-1 items or container); nil when the caller is no such inspector. Drafts and
    /// deleted BSDs stay hidden.
    func controlled(
        _ id: String, _ context: any Sendable, operation: String,
        linkedIds: (FormState) -> [String]
    ) async throws(APIError) -> FormState? {
        let request = try ResolverSupport.context(context)
        guard let gate = inspection, let grant = try gate.grant(request) else { return nil }
        let (state, linkedCompanies) = try read { reader in
            let state = try reader.state(id) ?? FormState(id: id)
            var companies: Set<String> = []
            for linkedId in linkedIds(state) {
                if let linked = try reader.state(linkedId) {
                    companies.formUnion(linked.rolesByOrgId.keys)
                }
            }
            return (state, companies)
        }
        let companies = Set(state.rolesByOrgId.keys)
        guard state.exists, !state.isDeleted, state.status != .draft, grant.coversAny(companies)
        else { return nil }
        try await gate.record(
            grant, request, operation: operation, orgIds: companies.union(linkedCompanies),
            formId: state.id, readableId: state.readableId)
        return state
    }

    /// The SIRETs of `sirets` (where the caller may not read registers as a member) that
    /// inspector rights cover, after recording the read on each; FORBIDDEN as for a member
    /// when rights are missing.
    func controlledRegisters(
        _ sirets: [String], _ context: any Sendable, _ caller: Caller, operation: String,
        from: Int64, to: Int64
    ) async throws(APIError) -> Set<String> {
        guard !sirets.isEmpty else { return [] }
        let request = try ResolverSupport.context(context)
        guard let gate = inspection, let grant = try gate.grant(request) else {
            for siret in sirets { try checkRegisterAccess(siret, caller) }
            return []
        }
        for siret in sirets where !grant.covers(siret) {
            throw APIError(.forbidden, "Your inspector rights do not cover company \(siret).")
        }
        try await gate.record(
            grant, request, operation: operation, orgIds: Set(sirets), from: from,
            to: to == Int64.max ? nil : to)
        return Set(sirets)
    }
}
