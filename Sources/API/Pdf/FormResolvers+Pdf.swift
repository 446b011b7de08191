import Documents
import Domain
import GraphQL
import Projections

extension FormResolvers {
    /// `formPdf`.
    var pdfQueries: [String: FieldResolver] {
        [
            "formPdf": { @Sendable _, arguments, context, _ in
                try await formPdfLink(arguments, context)
            }
        ]
    }

    /// `createPdfAccessToken`.
    var pdfMutations: [String: FieldResolver] {
        [
            "createPdfAccessToken": { @Sendable _, arguments, context, _ in
                try await createPdfAccessToken(arguments, context)
            }
        ]
    }

    /// The road-control links, kept in the ledger.
    var roadControl: RoadControlLinks {
        RoadControlLinks(ledger: ledger, lifetime: roadControlLifetime)
    }

    /// A `FileDownload` for the PDF of BSD `id`, which the caller must be able to read
    /// (NOT_FOUND otherwise, as `form`), as a member of one of its companies or as an
    /// inspector whose rights cover it (the read is then recorded); the PDF is drawn when
    /// the link is followed.
    func formPdfLink(
        _ arguments: JSONObject, _ context: any Sendable
    ) async throws(APIError) -> JSON {
        let caller = try caller(context)
        let id = arguments.string("id") ?? ""
        let download: FormPdfDownload
        do throws(APIError) {
            let state = try readable(id, caller)
            download = FormPdfDownload(
                userId: caller.userId, formId: state.id, companies: Set(caller.access.roles.keys))
        } catch  where error.code == .notFound {
            guard
                let state = try await controlled(
                    id, context, operation: "formPdf", linkedIds: FormPdfInput.linkedIds(of:))
            else { throw error }
            download = FormPdfDownload(userId: caller.userId, formId: state.id, companies: nil)
        }
        let link = downloads.issue(.formPdf(download))
        return .object([
            "token": .string(link.token), "downloadLink": .string(link.downloadLink),
        ])
    }

    /// A road-control link to BSD `input.bsdId`'s PDF, for a caller who can read it, while
    /// it is in transit.
    func createPdfAccessToken(
        _ arguments: JSONObject, _ context: any Sendable
    ) async throws -> JSON {
        let caller = try caller(context)
        let state = try readable(arguments.object("input").string("bsdId") ?? "", caller)
        try Self.checkInTransit(state)
        let token = try await roadControl.create(
            formId: state.id, readableId: state.readableId, userId: caller.userId,
            orgId: caller.access.readingOrgIds(state).sorted().first)
        return .string(RoadControlLinks.link(baseURL: downloads.baseURL, token: token))
    }

    /// BSD `id` if one of the caller's companies may read it (the regroupement rule
    /// included, as `form`), else NOT_FOUND.
    private func readable(_ id: String, _ caller: Caller) throws(APIError) -> FormState {
        let companies = Set(caller.access.roles.keys)
        guard let state = try read({ reader in try reader.form(id: id, companies: companies) })
        else { throw Self.notFound(id) }
        return state
    }

    /// BAD_USER_INPUT unless the waste is on the road: SENT, or RESENT after a temporary
    /// storage.
    static func checkInTransit(_ state: FormState) throws(APIError) {
        guard state.status == .sent || state.status == .resent else {
            var error = APIError(
                .badUserInput,
                "BSD \(state.readableId) is \(state.status.rawValue): a road-control link can"
                    + " only be made while the waste is in transit (SENT or RESENT).")
            error.issues = [("input.bsdId", "NOT_IN_TRANSIT")]
            throw error
        }
    }
}
