import Domain
import HTTP
import Identity
import Projections

extension APIRouter {
    /// `GET /road-control?token=…`: the BSD's PDF, without an account, while the link is
    /// valid, its maker can still read the BSD and the waste is in transit. Each PDF served
    /// is recorded in the ledger first (`PdfAccessTokenUsed`: link id, time, address); a
    /// use that cannot be recorded serves nothing.
    func roadControl(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.method == "GET" else { return Self.methodNotAllowed(allow: "GET") }
        let token = request.queryValue("token") ?? ""
        let links = RoadControlLinks(ledger: ledger)
        do {
            guard let grant = try links.grant(token: token) else {
                throw RoadControlRefusal.unknown
            }
            let file = try roadControlFile(grant)
            try await links.recordUse(token: token, grant: grant, address: request.remoteHost)
            return HTTPResponse(
                status: 200,
                headers: [
                    "Content-Type": file.contentType,
                    "Content-Disposition": "inline; filename=\"\(file.filename)\"",
                    "Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
                ],
                body: file.bytes)
        } catch let refusal as RoadControlRefusal {
            return HTTPResponse(status: refusal.status, text: refusal.message)
        } catch {
            logger.error(
                "Road-control link failed",
                metadata: ["request.id": request.id, "road_control.error": "\(error)"])
            return HTTPResponse(
                status: 500, text: "The PDF could not be made; the error has been logged.")
        }
    }

    /// The PDF of `grant`'s BSD, after checking the link's time, its maker's reading right
    /// as of now, and the BSD's status.
    private func roadControlFile(_ grant: RoadControlGrant) throws -> DownloadedFile {
        guard WallClock.microseconds() < grant.expiresAt else { throw RoadControlRefusal.expired }
        let userId = grant.userId
        let memberships = try IdentityResolvers.identityValue { () throws(IdentityError) in
            try identity.queries.myCompanies(userId: userId)
        }
        let companies = Set(memberships.map(\.orgId))
        return try downloadProducer.queries.read { reader throws -> DownloadedFile in
            guard let state = try reader.form(id: grant.formId, companies: companies) else {
                throw RoadControlRefusal.unreadable
            }
            guard state.status == .sent || state.status == .resent else {
                throw RoadControlRefusal.notInTransit(status: state.status.rawValue)
            }
            return try DownloadProducer.formPdfFile(state, reader: reader)
        }
    }
}
