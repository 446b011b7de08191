import Ledger

/// Makes one attempt of a message to a setting's endpoint: checks the endpoint with the
/// SSRF guard, signs the body with a fresh timestamp and sends it through the shared client.
struct Deliverer: Sendable {
    let client: CurlClient
    let endpointGuard: EndpointGuard
    let timeout: Duration

    /// Attempts `message` to `setting`'s endpoint once.
    func attempt(_ message: WebhookMessage, to setting: WebhookSetting) async -> TransferResult {
        let endpoint: CheckedEndpoint
        switch await endpointGuard.checkDetached(setting.record.endpointUri) {
        case .success(let checked): endpoint = checked
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
