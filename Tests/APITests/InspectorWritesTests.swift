import Foundation
import Inspection
import Ledger
import TestSupport
import Testing

@testable import API

/// Inspectors only read: over HTTP, an active inspector is refused every mutation but those
/// of its own account, wherever it asks from, and writes again once revoked.
@Suite struct InspectorWritesTests {
    static let ownCompany = FormLifecycleOverHTTPTests.siret(301)
    static let newCompany = FormLifecycleOverHTTPTests.siret(302)
    static let createCompany =
        "mutation ($c: PrivateCompanyInput!) { createCompany(companyInput: $c) { siret } }"

    static func companyInput(_ siret: String) -> [String: Any] {
        [
            "siret": siret, "companyName": "Garage", "address": "1 rue du Port",
            "companyTypes": ["PRODUCER"],
        ]
    }

    /// Signs up `email`, who registers `ownCompany` first, then grants it inspector rights
    /// from `networks`; returns its client and user id.
    static func inspector(
        _ server: APIServer, _ ledger: Ledger, _ email: String, networks: [String]
    ) async throws -> (GraphQLClient, String) {
        let client = try await GraphQLClient.signedUp(port: server.port, email: email)
        let created = try await client.post(
            createCompany, variables: ["c": companyInput(ownCompany)])
        #expect(GraphQLClient.codes(created.body).isEmpty)
        let me = try await client.post("{ me { id } }")
        let userId = try #require(
            ((me.body["data"] as? [String: Any])?["me"] as? [String: Any])?["id"] as? String)
        try await InspectorDirectory(ledger: ledger).grant(
            userId: userId, email: email, name: "Inès", networks: networks, orgIds: nil,
            now: 1)
        return (client, userId)
    }

    static func message(_ body: [String: Any]) -> String {
        ((body["errors"] as? [[String: Any]])?.first?["message"] as? String) ?? ""
    }

    @Test func anActiveInspectorIsRefusedCompanyMemberAndBsdWrites() async throws {
        try await withAPIServer { server, ledger in
            let (client, _) = try await Self.inspector(
                server, ledger, "ines@dreal.example", networks: ["127.0.0.0/8"])
            let company = try await client.post(
                Self.createCompany, variables: ["c": Self.companyInput(Self.newCompany)])
            #expect(GraphQLClient.codes(company.body) == ["FORBIDDEN"])
            #expect(Self.message(company.body).contains("createCompany"))
            let form = try await client.post(
                "mutation ($s: String!) { createForm(createFormInput: "
                    + "{emitter: {company: {siret: $s}}}) { id } }",
                variables: ["s": Self.ownCompany])
            #expect(GraphQLClient.codes(form.body) == ["FORBIDDEN"])
            let invite = try await client.post(
                "mutation ($s: String!) { inviteUserToCompany(email: \"bo@example.org\", "
                    + "siret: $s, role: ADMIN) { id } }",
                variables: ["s": Self.ownCompany])
            #expect(GraphQLClient.codes(invite.body) == ["FORBIDDEN"])
            let hook = try await client.post(
                "mutation ($s: ID!) { createWebhookSetting(input: {companyId: $s, "
                    + "endpointUri: \"https://hooks.example.org/bsd\", "
                    + "token: \"a-token-of-twenty-chars\", activated: true}) { id } }",
                variables: ["s": Self.ownCompany])
            #expect(GraphQLClient.codes(hook.body) == ["FORBIDDEN"])
            // Nothing was written: the inspector still belongs to its one company.
            let mine = try await client.post("{ myCompanies { siret } }")
            let sirets =
                ((mine.body["data"] as? [String: Any])?["myCompanies"] as? [[String: Any]])?
                .compactMap { $0["siret"] as? String }
            #expect(sirets == [Self.ownCompany])
        }
    }

    @Test func anInspectorStillManagesItsOwnAccount() async throws {
        try await withAPIServer { server, ledger in
            let (client, _) = try await Self.inspector(
                server, ledger, "ines@dreal.example", networks: ["127.0.0.0/8"])
            let token = try await client.post(
                #"mutation { createAccessToken(input: {description: "scripts"}) { id } }"#)
            #expect(GraphQLClient.codes(token.body).isEmpty)
            let tokenId = try #require(
                ((token.body["data"] as? [String: Any])?["createAccessToken"] as? [String: Any])?[
                    "id"] as? String)
            let revoked = try await client.post(
                "mutation ($i: ID!) { revokeAccessToken(id: $i) { isRevoked } }",
                variables: ["i": tokenId])
            #expect(GraphQLClient.codes(revoked.body).isEmpty)
            let changed = try await client.post(
                "mutation { changePassword(oldPassword: \"correct horse battery\", "
                    + "newPassword: \"another horse battery\") { id } }")
            #expect(GraphQLClient.codes(changed.body).isEmpty)
            let login = try await client.post(
                "mutation { login(email: \"ines@dreal.example\", "
                    + "password: \"another horse battery\") { token } }")
            #expect(GraphQLClient.codes(login.body).isEmpty)
        }
    }

    @Test func theRuleHoldsOutsideTheGrantedNetworksAndEndsWithTheGrant() async throws {
        try await withAPIServer { server, ledger in
            let (client, userId) = try await Self.inspector(
                server, ledger, "far@dreal.example", networks: ["192.0.2.0/24"])
            let refused = try await client.post(
                Self.createCompany, variables: ["c": Self.companyInput(Self.newCompany)])
            #expect(GraphQLClient.codes(refused.body) == ["FORBIDDEN"])
            #expect(Self.message(refused.body).contains("only read"))
            try await InspectorDirectory(ledger: ledger).revoke(userId: userId, now: 2)
            let created = try await client.post(
                Self.createCompany, variables: ["c": Self.companyInput(Self.newCompany)])
            #expect(GraphQLClient.codes(created.body).isEmpty)
        }
    }

    @Test func theAccountMutationsLeftToInspectorsAreMutationsOfTheSchema() async throws {
        try await withAPIServer { server, _ in
            let answer = try await GraphQLClient(port: server.port).post(
                #"{ __type(name: "Mutation") { fields { name } } }"#)
            let fields =
                (((answer.body["data"] as? [String: Any])?["__type"] as? [String: Any])?[
                    "fields"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
            #expect(InspectionGate.accountMutations.isSubset(of: Set(fields)))
            #expect(fields.count > InspectionGate.accountMutations.count + 20)
        }
    }
}
