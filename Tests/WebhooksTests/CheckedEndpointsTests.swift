import Testing

@testable import Webhooks

@Suite struct CheckedEndpointsTests {
    private let url = "http://127.0.0.1:9/hook"

    private func passing() throws -> CheckedEndpoint {
        try EndpointGuard(allowedHosts: ["127.0.0.1"]).check(url)
    }

    @Test func aPassedCheckIsReliedOnForItsValidityThenMadeAgain() async throws {
        let endpoints = CheckedEndpoints(validity: .seconds(30))
        let checked = try passing()
        let start = ContinuousClock.now
        var checks = 0
        for offset in [0, 10, 29] {
            let result = await endpoints.endpoint(for: url, now: start + .seconds(offset)) {
                checks += 1
                return .success(checked)
            }
            #expect(result == .success(checked))
        }
        #expect(checks == 1)
        _ = await endpoints.endpoint(for: url, now: start + .seconds(31)) {
            checks += 1
            return .success(checked)
        }
        #expect(checks == 2)
    }

    @Test func aRefusalIsNotKept() async {
        let endpoints = CheckedEndpoints()
        var checks = 0
        for _ in 0..<3 {
            let result = await endpoints.endpoint(for: url) {
                checks += 1
                return .failure(.notHTTPS)
            }
            #expect(result == .failure(.notHTTPS))
        }
        #expect(checks == 3)
    }

    @Test func eachURLHasItsOwnCheck() async throws {
        let endpoints = CheckedEndpoints()
        let other = "http://127.0.0.1:10/hook"
        let first = try passing()
        let second = try EndpointGuard(allowedHosts: ["127.0.0.1"]).check(other)
        _ = await endpoints.endpoint(for: url) { .success(first) }
        let result = await endpoints.endpoint(for: other) { .success(second) }
        #expect(result == .success(second))
        #expect(await endpoints.endpoint(for: url) { .success(second) } == .success(first))
    }
}
