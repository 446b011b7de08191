import Testing

@testable import Webhooks

@Suite struct CurlClientTests {
    @Test func aClosedPortIsAFailureWithoutAnswer() async throws {
        let client = CurlClient()
        defer { client.shutdown() }
        let endpoint = try EndpointGuard(allowedHosts: ["127.0.0.1"]).check("http://127.0.0.1:9/x")
        let result = await client.send(
            OutgoingRequest(endpoint: endpoint, headers: [], body: [1], timeout: .seconds(2)))
        guard case .failure(let code, _) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(code == 7)  // CURLE_COULDNT_CONNECT
    }

    @Test func aStoppedClientAnswersAtOnce() async throws {
        let client = CurlClient()
        client.shutdown()
        let endpoint = try EndpointGuard(allowedHosts: ["127.0.0.1"]).check("http://127.0.0.1:9/x")
        let result = await client.send(
            OutgoingRequest(endpoint: endpoint, headers: [], body: [], timeout: .seconds(1)))
        #expect(!result.isSuccess)
    }
}
