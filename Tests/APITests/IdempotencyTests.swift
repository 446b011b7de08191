import API
import Foundation
import Identity
import Ledger
import Logging
import Synchronization
import TestSupport
import Testing

/// A ledger and identity service in a temporary folder, over which servers start and stop.
private final class IdempotencyHarness {
    let folder: String
    let ledger: Ledger
    let identity: IdentityService

    init() throws {
        folder =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("bsd-ledger-idem-\(UUID().uuidString)").path
        var options = LedgerOptions()
        options.projections = [IdentityProjection()]
        ledger = try Ledger(path: folder, options: options)
        var configuration = IdentityConfiguration()
        configuration.passwordHashing = .testingMinimum
        identity = try IdentityService(
            ledger: ledger, secrets: .generate(), configuration: configuration,
            logger: Logger.discarding(label: "identity"))
    }

    deinit {
        ledger.close()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A started server; the caller shuts it down.
    func server(
        idempotencyFolder: String? = nil, requestsPerMinute: Int = 1_000
    ) throws
        -> APIServer
    {
        var configuration = APIServer.Configuration(host: "127.0.0.1", port: 0)
        configuration.requestsPerMinute = requestsPerMinute
        configuration.idempotencyFolder = idempotencyFolder
        let server = try APIServer(
            configuration: configuration, ledger: ledger, identity: identity,
            logger: Logger.discarding(label: "api"))
        try server.start()
        return server
    }

    /// Runs `body` with a started server and a signed-up client, then stops the server.
    func withServer<T>(
        requestsPerMinute: Int = 1_000, _ body: (APIServer, GraphQLClient) async throws -> T
    ) async throws -> T {
        let server = try server(requestsPerMinute: requestsPerMinute)
        do {
            let client = try await GraphQLClient.signedUp(
                port: server.port, email: "idem@example.org")
            let result = try await body(server, client)
            await server.shutdown(deadline: .seconds(5))
            return result
        } catch {
            await server.shutdown(deadline: .seconds(5))
            throw error
        }
    }
}

/// Sends `body` as a GraphQL POST with an optional token and `Idempotency-Key`.
private func send(
    port: Int, token: String?, key: String?, _ body: String
) async throws -> RawResponse {
    var headers = [
        ("Content-Type", "application/json"), ("Accept", "application/graphql-response+json"),
    ]
    if let token { headers.append(("Authorization", "Bearer \(token)")) }
    if let key { headers.append(("Idempotency-Key", key)) }
    return try await fetch(port: port, "POST", "/graphql", headers: headers, body: Array(body.utf8))
}

private let createToken =
    #"{"query":"mutation { createAccessToken(input: {description: \"ERP\"}) { id token } }"}"#
private let createOtherToken =
    #"{"query":"mutation { createAccessToken(input: {description: \"CRM\"}) { id token } }"}"#

/// How many access tokens the client's user has: the visible effect of `createAccessToken`.
private func tokenCount(_ client: GraphQLClient) async throws -> Int {
    let answer = try await client.post("{ accessTokens { id } }")
    return try #require((answer.body["data"] as? [String: Any])?["accessTokens"] as? [Any]).count
}

private func userId(_ client: GraphQLClient) async throws -> String {
    let answer = try await client.post("{ me { id } }")
    return try #require(
        ((answer.body["data"] as? [String: Any])?["me"] as? [String: Any])?["id"]
            as? String)
}

private func errorCodes(_ response: RawResponse) -> [String] {
    let body = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any]
    return GraphQLClient.codes(body ?? [:])
}

@Suite struct IdempotencyTests {
    @Test func aRetriedMutationGetsTheFirstAnswerByteForByteAndActsOnce() async throws {
        try await IdempotencyHarness().withServer { server, client in
            let first = try await send(
                port: server.port, token: client.token, key: "order-1", createToken)
            let second = try await send(
                port: server.port, token: client.token, key: "order-1", createToken)
            #expect(first.status == 200)
            #expect(first.text.contains(#""token":""#))
            #expect(first.header("Idempotency-Replayed") == nil)
            #expect(second.status == first.status)
            #expect(second.body == first.body)
            #expect(second.header("Content-Type") == first.header("Content-Type"))
            #expect(second.header("Idempotency-Replayed") == "true")
            #expect(try await tokenCount(client) == 1)
            let unkeyed = try await send(
                port: server.port, token: client.token, key: nil, createToken)
            #expect(unkeyed.body != first.body)
            #expect(try await tokenCount(client) == 2)
        }
    }

    @Test func theSameKeyWithAnotherRequestIs422() async throws {
        try await IdempotencyHarness().withServer { server, client in
            _ = try await send(port: server.port, token: client.token, key: "k", createToken)
            let other = try await send(
                port: server.port, token: client.token, key: "k", createOtherToken)
            #expect(other.status == 422)
            #expect(errorCodes(other) == ["BAD_USER_INPUT"])
            #expect(try await tokenCount(client) == 1)
        }
    }

    @Test func keysBelongToTheirUser() async throws {
        try await IdempotencyHarness().withServer { server, client in
            let other = try await GraphQLClient.signedUp(
                port: server.port, email: "other@example.org")
            let mine = try await send(port: server.port, token: client.token, key: "k", createToken)
            let theirs = try await send(
                port: server.port, token: other.token, key: "k", createToken)
            #expect(theirs.status == 200)
            #expect(theirs.header("Idempotency-Replayed") == nil)
            #expect(theirs.body != mine.body)
            #expect(try await tokenCount(other) == 1)
        }
    }

    @Test func concurrentDuplicatesRunOnceAndTheOthersGet409OrTheReplay() async throws {
        try await IdempotencyHarness().withServer { server, client in
            let answers = try await withThrowingTaskGroup(of: RawResponse.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await send(
                            port: server.port, token: client.token, key: "burst", createToken)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let ran = answers.filter {
                $0.status == 200 && $0.header("Idempotency-Replayed") == nil
            }
            #expect(ran.count == 1)
            for answer in answers where answer.status != 200 {
                #expect(answer.status == 409)
                #expect(errorCodes(answer) == ["CONFLICT"])
            }
            for answer in answers where answer.header("Idempotency-Replayed") == "true" {
                #expect(answer.body == ran.first?.body)
            }
            #expect(try await tokenCount(client) == 1)
        }
    }

    @Test func anAnonymousRequestWithAKeyIs400() async throws {
        try await IdempotencyHarness().withServer { server, _ in
            let answer = try await send(
                port: server.port, token: nil, key: "k",
                #"{"query":"mutation { login(email: \"a@b.c\", password: \"x\") { token } }"}"#)
            #expect(answer.status == 400)
            #expect(errorCodes(answer) == ["BAD_USER_INPUT"])
        }
    }

    @Test(arguments: [String(repeating: "k", count: 256), "clé", "a\u{7F}b"])
    func malformedKeysAre400AndRunNothing(key: String) async throws {
        try await IdempotencyHarness().withServer { server, client in
            let answer = try await send(
                port: server.port, token: client.token, key: key, createToken)
            #expect(answer.status == 400)
            #expect(errorCodes(answer) == ["BAD_USER_INPUT"])
            #expect(try await tokenCount(client) == 0)
        }
    }

    @Test func aQueryWithAKeyIsAnsweredAndNotRecorded() async throws {
        try await IdempotencyHarness().withServer { server, client in
            let query = try await send(
                port: server.port, token: client.token, key: "q", #"{"query":"{ me { id } }"}"#)
            #expect(query.status == 200)
            #expect(query.header("Idempotency-Replayed") == nil)
            let user = try await userId(client)
            #expect(try server.idempotencyStore.record(user: user, key: "q") == nil)
            let mutation = try await send(
                port: server.port, token: client.token, key: "q", createToken)
            #expect(mutation.status == 200)
            #expect(try server.idempotencyStore.record(user: user, key: "q")?.response != nil)
        }
    }

    @Test func anInvalidMutationDocumentIsNotRecorded() async throws {
        try await IdempotencyHarness().withServer { server, client in
            let invalid = try await send(
                port: server.port, token: client.token, key: "typo",
                #"{"query":"mutation { createAccessToken(input: {}) { id } }"}"#)
            #expect(invalid.status == 400)
            let fixed = try await send(
                port: server.port, token: client.token, key: "typo", createToken)
            #expect(fixed.status == 200)
            #expect(fixed.header("Idempotency-Replayed") == nil)
        }
    }

    @Test func aRateLimitedRequestIsNotRecorded() async throws {
        try await IdempotencyHarness().withServer(requestsPerMinute: 3) { server, client in
            let user = try await userId(client)
            for _ in 0..<2 { _ = try await client.post("{ __typename }") }
            let limited = try await send(
                port: server.port, token: client.token, key: "late", createToken)
            #expect(limited.status == 429)
            #expect(try server.idempotencyStore.record(user: user, key: "late") == nil)
        }
    }

    @Test func aRecordLeftPendingIs409AndRunsNothing() async throws {
        try await IdempotencyHarness().withServer { server, client in
            let user = try await userId(client)
            let fingerprint = IdempotencyRecord.fingerprint(
                method: "POST", path: "/graphql", body: Array(createToken.utf8))
            let claim = try await server.idempotencyStore.begin(
                user: user, key: "lost", fingerprint: fingerprint)
            guard case .claimed = claim else { Issue.record("the key was free: \(claim)"); return }
            let answer = try await send(
                port: server.port, token: client.token, key: "lost", createToken)
            #expect(answer.status == 409)
            #expect(errorCodes(answer) == ["CONFLICT"])
            #expect(try await tokenCount(client) == 0)
        }
    }

    @Test func answersAreReplayedAfterTheServerRestarts() async throws {
        let harness = try IdempotencyHarness()
        let records = harness.folder + "/records"
        var server = try harness.server(idempotencyFolder: records)
        let client = try await GraphQLClient.signedUp(port: server.port, email: "r@example.org")
        let first = try await send(port: server.port, token: client.token, key: "k", createToken)
        await server.shutdown(deadline: .seconds(5))

        server = try harness.server(idempotencyFolder: records)
        let again = try await send(port: server.port, token: client.token, key: "k", createToken)
        let count = try await tokenCount(GraphQLClient(port: server.port, token: client.token))
        await server.shutdown(deadline: .seconds(5))
        #expect(first.status == 200)
        #expect(again.body == first.body)
        #expect(again.header("Idempotency-Replayed") == "true")
        #expect(count == 1)
    }

    @Test func startingTheServerPurgesOldRecords() async throws {
        let harness = try IdempotencyHarness()
        let records = harness.folder + "/records"
        let dayAndHourAgo = Timestamp.now() - 25 * 3_600_000_000
        let old = try IdempotencyStore(path: records, clock: { dayAndHourAgo })
        _ = try await old.begin(user: "u", key: "old", fingerprint: .zero)
        old.close()

        let server = try harness.server(idempotencyFolder: records)
        let found = try server.idempotencyStore.record(user: "u", key: "old")
        await server.shutdown(deadline: .seconds(5))
        #expect(found == nil)
    }
}
