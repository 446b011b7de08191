import HTTP
import Ledger

extension APIRouter {
    /// Runs a GraphQL POST at most once per (user, `Idempotency-Key`): a retry with the same
    /// key and the same request gets the first answer back, with `Idempotency-Replayed: true`.
    /// Requests without the header go straight to `run`. Only mutations are recorded; `run`
    /// must answer from the GraphQL layer (authentication and rate limits come before).
    func idempotently(
        _ request: HTTPRequest, userId: String?, media: ResponseMediaType,
        run: () async -> (String, HTTPResponse)
    ) async -> (String, HTTPResponse) {
        guard request.method == "POST", let header = request.headers[IdempotencyKey.header]
        else { return await run() }
        guard let key = IdempotencyKey(header) else {
            return Self.refusal(
                400, .badUserInput,
                "Idempotency-Key takes 1 to \(IdempotencyKey.maximumLength) printable ASCII"
                    + " characters.", media: media)
        }
        guard let userId else {
            return Self.refusal(
                400, .badUserInput, "Idempotency-Key needs an authenticated request.",
                media: media)
        }
        guard endpoint.mutates(request) else { return await run() }
        let fingerprint = IdempotencyRecord.fingerprint(
            method: request.method, path: request.path, body: request.body)
        do throws(IdempotencyStoreError) {
            if let found = try idempotency.record(user: userId, key: key.value) {
                return Self.answer(from: found, for: fingerprint, media: media)
            }
            switch try await idempotency.begin(
                user: userId, key: key.value, fingerprint: fingerprint)
            {
            case .taken(let found):
                return Self.answer(from: found, for: fingerprint, media: media)
            case .claimed(let pending):
                let (label, response) = await run()
                await remember(response, of: request, user: userId, key: key, pending: pending)
                return (label, response)
            }
        } catch {
            logger.error(
                "Idempotency store failed",
                metadata: ["request.id": request.id, "idempotency.error": "\(error)"])
            return Self.refusal(
                500, .internalServerError, "The request was not run; retry later.", media: media)
        }
    }

    /// Stores the answer for replays; on failure the record stays pending (retries get 409).
    private func remember(
        _ response: HTTPResponse, of request: HTTPRequest, user: String, key: IdempotencyKey,
        pending: IdempotencyRecord
    ) async {
        let stored = IdempotencyRecord.Response(
            status: response.status, contentType: response.headers["Content-Type"] ?? "",
            body: response.body)
        do {
            try await idempotency.finish(
                user: user, key: key.value, pending: pending, response: stored)
        } catch {
            logger.error(
                "Idempotency answer not stored",
                metadata: ["request.id": request.id, "idempotency.error": "\(error)"])
        }
    }

    /// The answer to a key already used: the first answer again, or why there is none.
    static func answer(
        from record: IdempotencyRecord, for fingerprint: Hash, media: ResponseMediaType
    ) -> (String, HTTPResponse) {
        guard record.fingerprint == fingerprint else {
            return refusal(
                422, .badUserInput,
                "This Idempotency-Key was used for another request; send a new key.",
                media: media)
        }
        guard let stored = record.response else {
            return refusal(
                409, .conflict,
                "A request with this Idempotency-Key is still running, or its outcome was lost"
                    + " in a restart: check the BSD's state before retrying with a new key.",
                media: media)
        }
        var response = HTTPResponse(
            status: stored.status, headers: ["Content-Type": stored.contentType],
            body: stored.body)
        response.headers.add(name: IdempotencyKey.replayedHeader, value: "true")
        return ("idempotency-replayed", response)
    }

    /// A request-level refusal in GraphQL's error format, with its metric label.
    static func refusal(
        _ status: Int, _ code: APIError.Code, _ message: String, media: ResponseMediaType
    ) -> (String, HTTPResponse) {
        (
            "idempotency-refused",
            GraphQLEndpoint.errorResponse(status, message, code: code.rawValue, media: media)
        )
    }
}
