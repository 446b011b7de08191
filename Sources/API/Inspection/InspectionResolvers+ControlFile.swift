import GraphQL
import Identity
import Inspection
import Ledger
import Projections

extension InspectionResolvers {
    /// `controlFile(siret, from, to)`: for a member whose role may read the company's
    /// registers, or an inspector covering the company (the read is then recorded).
    func controlFile(
        _ arguments: JSONObject, _ context: RequestContext
    ) async throws(APIError)
        -> JSON
    {
        let userId = try context.requireUser()
        let siret = arguments.string("siret") ?? ""
        let (from, to) = try Self.period(arguments)
        let role = try IdentityResolvers.identityValue { () throws(IdentityError) in
            try identity.queries.role(userId: userId, orgId: siret)
        }
        if !Permissions.can(role, .registryCanRead) {
            let grant = try gate.require(context, for: siret)
            try await gate.record(
                grant, context, operation: "controlFile", orgIds: [siret], from: from,
                to: to == Int64.max ? nil : to)
        }
        let file = try read { try reads.controlFile(orgId: siret, from: from, to: to) }
        let links = [RegisterType.incoming, .outgoing, .transported, .managed].map { type in
            let download = RegisterDownload(
                userId: userId, sirets: [siret], type: type, format: .csv, from: from, to: to,
                companies: [siret], issuedAt: Timestamp.now())
            let link = downloads.issue(.register(download))
            return JSON.object([
                "registryType": .string(type.rawValue),
                "csv": .object([
                    "token": .string(link.token), "downloadLink": .string(link.downloadLink),
                ]),
            ])
        }
        return InspectionViews.controlFile(file, registers: links)
    }
}
