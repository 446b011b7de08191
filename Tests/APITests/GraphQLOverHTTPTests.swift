import Foundation
import TestSupport
import Testing

@Suite struct GraphQLOverHTTPTests {
    private func post(
        _ port: Int, _ body: String, accept: String = "application/graphql-response+json"
    ) async throws -> RawResponse {
        try await fetch(
            port: port, "POST", "/graphql",
            headers: [("Content-Type", "application/json"), ("Accept", accept)],
            body: Array(body.utf8))
    }

    @Test func batchesOfUpToFiveOperationsAnswerAnArray() async throws {
        try await withAPIServer { server, _ in
            let two = try await post(
                server.port, #"[{"query":"{ __typename }"},{"query":"{ me { id } }"}]"#)
            #expect(two.status == 200)
            let items = try JSONSerialization.jsonObject(with: Data(two.body)) as? [[String: Any]]
            #expect(items?.count == 2)
            #expect((items?[0]["data"] as? [String: Any])?["__typename"] as? String == "Query")
            #expect(GraphQLClient.codes(items?[1] ?? [:]) == ["UNAUTHENTICATED"])
            let six = Array(repeating: #"{"query":"{ __typename }"}"#, count: 6).joined(
                separator: ",")
            #expect(try await post(server.port, "[\(six)]").status == 400)
        }
    }

    @Test func mutationsOverGETAre405WithAllowPOST() async throws {
        try await withAPIServer { server, _ in
            let query = "mutation%20%7B%20__typename%20%7D"
            let response = try await fetch(port: server.port, "GET", "/graphql?query=\(query)")
            #expect(response.status == 405)
            #expect(response.header("Allow") == "POST")
        }
    }

    @Test func documentErrorsAre400WithGraphQLResponseAnd200WithJSON() async throws {
        try await withAPIServer { server, _ in
            let strict = try await post(server.port, #"{"query":"{ nope }"}"#)
            #expect(strict.status == 400)
            #expect(
                strict.header("Content-Type")?.hasPrefix("application/graphql-response+json")
                    == true)
            let legacy = try await post(
                server.port, #"{"query":"{ nope }"}"#, accept: "application/json")
            #expect(legacy.status == 200)
            #expect(legacy.header("Content-Type")?.hasPrefix("application/json") == true)
        }
    }

    @Test func unsupportedAcceptIs406() async throws {
        try await withAPIServer { server, _ in
            let response = try await post(
                server.port, #"{"query":"{ __typename }"}"#, accept: "text/csv")
            #expect(response.status == 406)
        }
    }
}
