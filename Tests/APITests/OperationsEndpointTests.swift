import API
import Foundation
import Identity
import Ledger
import Logging
import Projections
import TestSupport
import Testing

/// Starts an API server on an ephemeral port over a fresh ledger, runs `body`, stops both;
/// `configure` may change the server's configuration first. With `start` false, `body` gets
/// the server made but not started.
func withAPIServer<T>(
    requestsPerMinute: Int = 1_000,
    start: Bool = true,
    configure: (inout APIServer.Configuration) -> Void = { _ in },
    _ body: (APIServer, Ledger) async throws -> T
) async throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("bsd-ledger-api-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var options = LedgerOptions()
    options.projections = [IdentityProjection()]
    let ledger = try ProjectionRebuilder.openLedger(path: folder, options: options)
    defer { ledger.close() }
    var configuration = IdentityConfiguration()
    configuration.passwordHashing = .testingMinimum
    let identity = try IdentityService(
        ledger: ledger, secrets: .generate(), configuration: configuration,
        logger: Logger.discarding(label: "identity"))
    var serverConfiguration = APIServer.Configuration(host: "127.0.0.1", port: 0)
    serverConfiguration.requestsPerMinute = requestsPerMinute
    configure(&serverConfiguration)
    let server = try APIServer(
        configuration: serverConfiguration, ledger: ledger, identity: identity,
        logger: Logger.discarding(label: "api"))
    if start { try server.start() }
    do {
        let result = try await body(server, ledger)
        await server.shutdown(deadline: .seconds(5))
        return result
    } catch {
        await server.shutdown(deadline: .seconds(5))
        throw error
    }
}

@Suite struct OperationsEndpointTests {
    @Test func healthReportsTheLedgerHead() async throws {
        try await withAPIServer { server, ledger in
            _ = try await ledger.append(
                [NewEvent(id: .random(), type: "T", payload: Array("{}".utf8))], to: "s",
                expected: .noStream)
            let response = try await fetch(port: server.port, "GET", "/healthz")
            #expect(response.status == 200)
            #expect(response.header("Content-Type")?.hasPrefix("application/json") == true)
            let body = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
            #expect(body?["status"] as? String == "ok")
            #expect((body?["ledger"] as? [String: Any])?["position"] as? Int == 1)
        }
    }

    @Test func metricsCountRequestsByRouteAndCodeAndShowTheLedgerHead() async throws {
        try await withAPIServer { server, _ in
            _ = try await fetch(port: server.port, "GET", "/healthz")
            _ = try await fetch(port: server.port, "GET", "/nowhere")
            let response = try await fetch(port: server.port, "GET", "/metrics")
            #expect(response.status == 200)
            #expect(response.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
            let lines = Set(response.text.split(separator: "\n").map(String.init))
            #expect(
                lines.contains(#"bsd_ledger_http_requests_total{route="healthz",code="200"} 1"#))
            #expect(
                lines.contains(#"bsd_ledger_http_requests_total{route="unknown",code="404"} 1"#))
            #expect(
                lines.contains(
                    #"bsd_ledger_http_request_duration_seconds_count{route="healthz"} 1"#))
            #expect(lines.contains("bsd_ledger_head_position 0"))
            #expect(lines.contains("# TYPE bsd_ledger_http_requests_total counter"))
        }
    }

    @Test func metricsShowTheHeadAsANumberAndCountOnlyCommittedEvents() async throws {
        try await withAPIServer { server, ledger in
            for _ in 0..<3 {
                _ = try await ledger.append(
                    [NewEvent(id: .random(), type: "T", payload: Array("{}".utf8))], to: "s",
                    expected: .any)
            }
            // Refused: the stream exists already.
            _ = try? await ledger.append(
                [NewEvent(id: .random(), type: "T", payload: Array("{}".utf8))], to: "s",
                expected: .noStream)
            let response = try await fetch(port: server.port, "GET", "/metrics")
            let lines = Set(response.text.split(separator: "\n").map(String.init))
            #expect(lines.contains("bsd_ledger_head_position 3"))
            #expect(lines.contains("bsd_ledger_committed_events 3"))
        }
    }

    @Test func wrongMethodOnAnOperationsPathIs405WithAllow() async throws {
        try await withAPIServer { server, _ in
            let response = try await fetch(port: server.port, "POST", "/healthz")
            #expect(response.status == 405)
            #expect(response.header("Allow") == "GET, HEAD")
        }
    }
}
