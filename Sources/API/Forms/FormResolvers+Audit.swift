import Audit
import Domain
import GraphQL
import Ledger
import Projections

extension FormResolvers {
    /// `treeHead(size)`: the latest signed head, or the one signed at exactly `size`.
    func treeHead(_ arguments: JSONObject, _ context: any Sendable) throws(APIError) -> JSON {
        _ = try caller(context)
        let heads = try requireHeads()
        let head = try audit { () throws(AuditError) -> SignedTreeHead in
            if case .int(let size)? = arguments["size"] {
                guard size >= 0 else { throw .noSuchHead(size: nil) }
                guard let head = try heads.head(size: UInt64(size)) else {
                    throw .noSuchHead(size: UInt64(size))
                }
                return head
            }
            guard let head = try heads.latest() else { throw .noSuchHead(size: nil) }
            return head
        }
        return FormView.json(head.json)
    }

    /// `formHistoryBundle(id | readableId, sinceSize)`: the BSD's history bundle, for a
    /// caller who may read the BSD (the same rule as `formHistory`).
    func formHistoryBundle(
        _ arguments: JSONObject, _ context: any Sendable
    ) throws(APIError) -> JSON {
        let caller = try caller(context)
        let id = try formId(arguments)
        let companies = Set(caller.access.roles.keys)
        guard let state = try APIError.fromQuery({ try queries.form(id: id, companies: companies) })
        else {
            throw Self.notFound(arguments.string("readableId") ?? id)
        }
        let sinceSize = try arguments.count("sinceSize", what: "a tree size")
        let heads = try requireHeads()
        let subject = HistoryBundle.Subject(formId: id, readableId: state.readableId)
        let bundle = try audit { () throws(AuditError) in
            try HistoryBundle.make(subject, ledger: ledger, heads: heads, sinceSize: sinceSize)
        }
        return FormView.json(bundle)
    }

    private func requireHeads() throws(APIError) -> TreeHeads {
        guard let treeHeads else {
            throw APIError(.internalServerError, "This server signs no tree heads.")
        }
        return treeHeads
    }

    private func audit<R>(_ body: () throws(AuditError) -> R) throws(APIError) -> R {
        do {
            return try body()
        } catch {
            throw APIError(error)
        }
    }
}
