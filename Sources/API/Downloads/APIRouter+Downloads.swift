import HTTP

extension APIRouter {
    /// `GET /download?token=…`: redeems the token, once, and answers with the file made now.
    /// No `Authorization` header is needed: the token stands for the user it was issued to.
    func download(_ request: HTTPRequest) -> HTTPResponse {
        guard request.method == "GET" else { return Self.methodNotAllowed(allow: "GET") }
        guard let token = request.queryValue("token"), !token.isEmpty else {
            return HTTPResponse(
                status: 400, text: "Follow the downloadLink the API gave: /download?token=….")
        }
        let job: DownloadJob
        do {
            job = try downloads.redeem(token)
        } catch {
            return HTTPResponse(status: error.status, text: error.message)
        }
        do {
            let file = try downloadProducer.produce(job)
            return HTTPResponse(
                status: 200,
                headers: [
                    "Content-Type": file.contentType,
                    "Content-Disposition": "attachment; filename=\"\(file.filename)\"",
                    "Cache-Control": "no-store",
                ],
                body: file.bytes)
        } catch .unavailable(let reason) {
            return HTTPResponse(status: 404, text: reason)
        } catch {
            logger.error(
                "Download failed",
                metadata: [
                    "request.id": request.id, "download.user": job.userId,
                    "download.error": "\(error)",
                ])
            return HTTPResponse(
                status: 500,
                text: "The file could not be made; the error has been logged. Ask for a new link.")
        }
    }
}
