import Foundation
import TestSupport

/// A minimal GraphQL client over `fetch`, for the API tests.
struct GraphQLClient {
    let port: Int
    var token: String?

    /// POSTs one operation and returns the status and the decoded JSON body.
    func post(
        _ query: String, variables: [String: Any] = [:],
        accept: String = "application/graphql-response+json"
    ) async throws -> (status: Int, body: [String: Any], response: RawResponse) {
        let payload = try JSONSerialization.data(withJSONObject: [
            "query": query, "variables": variables,
        ])
        var headers = [("Content-Type", "application/json"), ("Accept", accept)]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        let response = try await fetch(
            port: port, "POST", "/graphql", headers: headers, body: Array(payload))
        let body =
            (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
        return (response.status, body, response)
    }

    /// The `extensions.code` of each error in `body`.
    static func codes(_ body: [String: Any]) -> [String] {
        ((body["errors"] as? [[String: Any]]) ?? []).compactMap {
            ($0["extensions"] as? [String: Any])?["code"] as? String
        }
    }

    /// Signs up and logs in; returns a client holding the JWT.
    static func signedUp(port: Int, email: String) async throws -> GraphQLClient {
        let anonymous = GraphQLClient(port: port)
        _ = try await anonymous.post(
            "mutation ($u: SignupInput!) { signup(userInfos: $u) { id } }",
            variables: ["u": ["email": email, "password": "correct horse battery", "name": "Ana"]])
        let login = try await anonymous.post(
            "mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
            variables: ["e": email, "p": "correct horse battery"])
        let token =
            ((login.body["data"] as? [String: Any])?["login"] as? [String: Any])?["token"]
            as? String
        return GraphQLClient(port: port, token: token)
    }
}
