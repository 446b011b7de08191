import Ledger

/// Makes one attempt of a message to a setting's endpoint: checks the endpoint with the
/// SSRF guard (relying on a check for a short while, see ``CheckedEndpoints``), signs the
/// body with a fresh timestamp and sends it through the shared client.
struct Deliverer: Sendable {
    let client: CurlClient
    let endpointGuard: EndpointGuard
    let timeout: Duration
    /// Endpoints checked recently, shared by every attempt.
    let checked = CheckedEndpoints()

    /// Attempts `message` to `setting`'s endpoint once.
    func attempt(_ message: WebhookMessage, to setting: WebhookSetting) async -> TransferResult {
        let endpoint: CheckedEndpoint
        let url = setting.record.endpointUri
        switch await checked.endpoint(for: url, check: { await endpointGuard.checkDetached(url) }) {
        case .success(let passed): endpoint = passed
        case .failure(let refusal):
            return .failure(code: -2, message: "endpoint refused: \(refusal)")
        }
        let timestamp = Timestamp.now() / 1_000_000
        let signature = WebhookSignature.sign(
            key: WebhookSignature.key(secret: setting.record.secret) ?? [],
            id: message.webhookId, timestamp: timestamp, body: message.body)
        let headers = [
            "Content-Type: application/json",
            "Authorization: Bearer \(setting.record.token)",
            "webhook-id: \(message.webhookId)",
            "webhook-timestamp: \(timestamp)",
            "webhook-signature: \(signature)",
        ]
        return await client.send(
            OutgoingRequest(
                endpoint: endpoint, headers: headers, body: message.body, timeout: timeout))
    }
}
