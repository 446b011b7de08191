import Foundation
import TestSupport
import Testing

@Suite struct IdentityOperationsTests {
    @Test func signupLoginAndMeOverHTTP() async throws {
        try await withAPIServer { server, _ in
            let client = try await GraphQLClient.signedUp(
                port: server.port, email: "Ana@Example.org")
            #expect(client.token != nil)
            let me = try await client.post("{ me { email name } }")
            #expect(me.status == 200)
            let user = (me.body["data"] as? [String: Any])?["me"] as? [String: Any]
            #expect(user?["email"] as? String == "ana@example.org")
            #expect(user?["name"] as? String == "Ana")
        }
    }

    @Test func meWithoutATokenIsUnauthenticated() async throws {
        try await withAPIServer { server, _ in
            let answer = try await GraphQLClient(port: server.port).post("{ me { id } }")
            #expect(GraphQLClient.codes(answer.body) == ["UNAUTHENTICATED"])
        }
    }

    @Test(arguments: [
        "not-a-token", "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4In0.",
        String(repeating: "a", count: 40),
    ])
    func invalidTokensAre401WithUnauthenticated(token: String) async throws {
        try await withAPIServer { server, _ in
            let answer = try await GraphQLClient(port: server.port, token: token).post(
                "{ __typename }")
            #expect(answer.status == 401)
            #expect(GraphQLClient.codes(answer.body) == ["UNAUTHENTICATED"])
            #expect(answer.response.header("WWW-Authenticate") == "Bearer")
        }
    }

    @Test func accessTokenWorksUntilRevoked() async throws {
        try await withAPIServer { server, _ in
            let client = try await GraphQLClient.signedUp(
                port: server.port, email: "bo@example.org")
            let created = try await client.post(
                #"mutation { createAccessToken(input: {description: "ERP"}) { id token } }"#)
            let token =
                (created.body["data"] as? [String: Any])?["createAccessToken"] as? [String: Any]
            let value = try #require(token?["token"] as? String)
            #expect(value.count == 40)
            let viaToken = GraphQLClient(port: server.port, token: value)
            #expect(try await viaToken.post("{ me { email } }").status == 200)
            let id = try #require(token?["id"] as? String)
            _ = try await client.post(
                "mutation ($i: ID!) { revokeAccessToken(id: $i) { isRevoked } }",
                variables: ["i": id])
            let refused = try await viaToken.post("{ me { email } }")
            #expect(refused.status == 401)
        }
    }

    @Test func companyCreatorIsAdminAndSeesTheSecurityCode() async throws {
        try await withAPIServer { server, _ in
            let client = try await GraphQLClient.signedUp(
                port: server.port, email: "cy@example.org")
            let created = try await client.post(
                """
                mutation { createCompany(companyInput: {siret: "85001946400021",
                  companyName: "Garage",
                  address: "1 rue A", companyTypes: [PRODUCER]}) { siret userRole securityCode } }
                """)
            let company =
                (created.body["data"] as? [String: Any])?["createCompany"] as? [String: Any]
            #expect(company?["userRole"] as? String == "ADMIN")
            #expect((company?["securityCode"] as? String)?.count == 4)
            let again = try await client.post(
                """
                mutation { createCompany(companyInput: {siret: "85001946400021",
                  companyName: "Garage",
                  address: "1 rue A", companyTypes: [PRODUCER]}) { siret } }
                """)
            #expect(GraphQLClient.codes(again.body) == ["CONFLICT"])
            let bad = try await client.post(
                """
                mutation { createCompany(companyInput: {siret: "85001946400022", companyName: "X",
                  address: "1 rue A", companyTypes: [PRODUCER]}) { siret } }
                """)
            #expect(GraphQLClient.codes(bad.body) == ["BAD_USER_INPUT"])
            let issues =
                ((bad.body["errors"] as? [[String: Any]])?.first?["extensions"] as? [String: Any])?[
                    "issues"]
            #expect((issues as? [[String: Any]])?.isEmpty == false)
        }
    }

    @Test func requestsOverTheRateLimitGet429WithRateLimitHeaders() async throws {
        try await withAPIServer(requestsPerMinute: 3) { server, _ in
            let client = GraphQLClient(port: server.port)
            var statuses: [Int] = []
            var remaining: [String] = []
            for _ in 0..<4 {
                let answer = try await client.post("{ __typename }")
                statuses.append(answer.status)
                remaining.append(answer.response.header("X-RateLimit-Remaining") ?? "?")
            }
            #expect(statuses == [200, 200, 200, 429])
            #expect(remaining == ["2", "1", "0", "0"])
            let last = try await client.post("{ __typename }")
            #expect(GraphQLClient.codes(last.body) == ["TOO_MANY_REQUESTS"])
            #expect(last.response.header("Retry-After") != nil)
            #expect(last.response.header("X-RateLimit-Limit") == "3")
        }
    }
}

@Suite struct RateLimitKeyTests {
    @Test func inventedTokensCountAgainstTheClientHost() async throws {
        try await withAPIServer(requestsPerMinute: 3) { server, _ in
            var statuses: [Int] = []
            for index in 0..<4 {
                let client = GraphQLClient(port: server.port, token: "made-up-\(index)")
                statuses.append(try await client.post("{ __typename }").status)
            }
            #expect(statuses == [401, 401, 401, 429])
        }
    }

    @Test func aValidTokenHasItsOwnBucket() async throws {
        try await withAPIServer(requestsPerMinute: 3) { server, _ in
            // Signing up and logging in spend two of the host's three requests.
            let client = try await GraphQLClient.signedUp(
                port: server.port, email: "dee@example.org")
            var statuses: [Int] = []
            for _ in 0..<3 { statuses.append(try await client.post("{ me { id } }").status) }
            #expect(statuses == [200, 200, 200])
            let anonymous = try await GraphQLClient(port: server.port).post("{ __typename }")
            #expect(anonymous.status == 200)
            #expect(try await client.post("{ me { id } }").status == 429)
        }
    }
}
