import Foundation
import TestSupport
import Testing

/// The BSD operations over real HTTP on loopback, as one integrator holding three companies
/// would run them.
@Suite struct FormLifecycleOverHTTPTests {
    /// A Luhn-valid SIRET built from `seed`.
    static func siret(_ seed: Int) -> String {
        let body = String(format: "%013d", seed)
        for check in 0...9 {
            let candidate = body + String(check)
            var total = 0
            for (index, char) in candidate.reversed().enumerated() {
                var digit = char.wholeNumberValue ?? 0
                if index % 2 == 1 {
                    digit *= 2
                    if digit > 9 { digit -= 9 }
                }
                total += digit
            }
            if total % 10 == 0 { return candidate }
        }
        preconditionFailure("a check digit always exists")
    }

    static let producer = siret(201)
    static let transporter = siret(202)
    static let recipient = siret(203)

    /// Signs up one user who creates the producer, transporter and recipient companies.
    static func integrator(port: Int) async throws -> GraphQLClient {
        let client = try await GraphQLClient.signedUp(port: port, email: "erp@example.org")
        for (siret, name, type) in [
            (producer, "Producteur", "PRODUCER"), (transporter, "Transports", "TRANSPORTER"),
            (recipient, "Centre", "WASTEPROCESSOR"),
        ] {
            let created = try await client.post(
                "mutation ($c: PrivateCompanyInput!) { createCompany(companyInput: $c) { id } }",
                variables: [
                    "c": [
                        "siret": siret, "companyName": name, "address": "1 rue du Port",
                        "companyTypes": [type],
                    ]
                ])
            #expect(GraphQLClient.codes(created.body).isEmpty)
        }
        return client
    }

    static func company(_ siret: String) -> [String: Any] {
        [
            "siret": siret, "name": "Société \(siret.suffix(3))", "address": "1 rue du Port",
            "contact": "Camille", "phone": "0102030405", "mail": "contact@example.org",
        ]
    }

    static var content: [String: Any] {
        [
            "emitter": ["type": "PRODUCER", "company": company(producer)],
            "recipient": [
                "company": company(recipient), "processingOperation": "R 1", "cap": "CAP-1",
            ],
            "transporter": [
                "company": company(transporter), "numberPlate": "AB-123-CD", "mode": "ROAD",
                "receipt": "R-1", "department": "69", "validityLimit": "2030-01-01",
            ],
            "wasteDetails": [
                "code": "16 01 07*", "name": "Filtres à huile", "pop": false,
                "isSubjectToADR": true, "onuCode": "UN 3175, 4.1, II", "quantity": 1.5,
                "quantityType": "REAL", "consistence": ["SOLID"],
                "packagingInfos": [["type": "FUT", "quantity": 2]],
            ],
        ]
    }

    /// Runs one mutation on `id` and returns the `status` it answers.
    static func step(
        _ client: GraphQLClient, _ field: String, _ argument: String, _ type: String,
        _ id: String, _ input: [String: Any]
    ) async throws -> String? {
        let answer = try await client.post(
            "mutation ($id: ID!, $i: \(type)!) { \(field)(id: $id, \(argument): $i) { status } }",
            variables: ["id": id, "i": input])
        #expect(GraphQLClient.codes(answer.body).isEmpty, "\(field): \(answer.body)")
        return ((answer.body["data"] as? [String: Any])?[field] as? [String: Any])?["status"]
            as? String
    }

    @Test func aDirectBSDGoesFromDraftToProcessedAndItsStatusLogSaysSo() async throws {
        try await withAPIServer { server, _ in
            let client = try await Self.integrator(port: server.port)
            let created = try await client.post(
                "mutation ($i: CreateFormInput!) { createForm(createFormInput: $i) { id status "
                    + "readableId wasteDetails { quantity } transporter { receipt } } }",
                variables: ["i": Self.content])
            let form = try #require(
                (created.body["data"] as? [String: Any])?["createForm"] as? [String: Any])
            let id = try #require(form["id"] as? String)
            #expect(form["status"] as? String == "DRAFT")
            #expect((form["readableId"] as? String)?.hasPrefix("BSD-") == true)
            #expect((form["wasteDetails"] as? [String: Any])?["quantity"] as? Double == 1.5)
            let sealed = try await client.post(
                "mutation ($id: ID!) { markAsSealed(id: $id) { status } }", variables: ["id": id])
            #expect(GraphQLClient.codes(sealed.body).isEmpty, "\(sealed.body)")
            let emission: [String: Any] = [
                "emittedAt": "2026-03-01", "emittedBy": "Ana", "quantity": 1.5,
            ]
            let transport: [String: Any] = [
                "takenOverAt": "2026-03-01T09:00:00Z", "takenOverBy": "Tom",
                "transporterNumberPlate": "AB-123-CD",
            ]
            let accept: [String: Any] = [
                "wasteAcceptationStatus": "ACCEPTED", "signedAt": "2026-03-02T09:00:00Z",
                "signedBy": "Rita", "quantityReceived": 1.4, "quantityRefused": 0,
            ]
            let process: [String: Any] = [
                "processingOperationDone": "R 1",
                "destinationOperationMode": "VALORISATION_ENERGETIQUE", "processedBy": "Rita",
                "processedAt": "2026-03-03T08:00:00Z",
            ]
            let statuses = [
                try await Self.step(
                    client, "signEmissionForm", "input", "SignEmissionFormInput", id, emission),
                try await Self.step(
                    client, "signTransportForm", "input", "SignTransportFormInput", id, transport),
                try await Self.step(
                    client, "markAsReceived", "receivedInfo", "ReceivedFormInput", id,
                    ["receivedAt": "2026-03-02T08:00:00Z", "receivedBy": "Rita"]),
                try await Self.step(
                    client, "markAsAccepted", "acceptedInfo", "AcceptedFormInput", id, accept),
                try await Self.step(
                    client, "markAsProcessed", "processedInfo", "ProcessedFormInput", id, process),
            ]
            #expect(
                statuses == ["SIGNED_BY_PRODUCER", "SENT", "RECEIVED", "ACCEPTED", "PROCESSED"])
            let read = try await client.post(
                "query ($id: ID!) { form(id: $id) { quantityReceived quantityAccepted "
                    + "processingOperationDone emittedAt takenOverBy } }",
                variables: ["id": id])
            let final = (read.body["data"] as? [String: Any])?["form"] as? [String: Any]
            #expect(final?["quantityAccepted"] as? Double == 1.4)
            #expect(final?["processingOperationDone"] as? String == "R 1")
            #expect((final?["emittedAt"] as? String)?.hasPrefix("2026-03-01T00:00:00") == true)
            let log = try await client.post(
                "query ($s: String, $f: ID) { formsLifeCycle(siret: $s, formId: $f) "
                    + "{ statusLogs { status } } }",
                variables: ["s": Self.producer, "f": id])
            let entries =
                ((log.body["data"] as? [String: Any])?["formsLifeCycle"] as? [String: Any])?[
                    "statusLogs"] as? [[String: Any]] ?? []
            #expect(
                entries.compactMap { $0["status"] as? String }.reversed() == [
                    "DRAFT", "SEALED", "SIGNED_BY_PRODUCER", "SENT", "RECEIVED", "ACCEPTED",
                    "PROCESSED",
                ])
        }
    }

    @Test func historyAndAsOfShowTheBSDAsItWas() async throws {
        try await withAPIServer { server, _ in
            let client = try await Self.integrator(port: server.port)
            let created = try await client.post(
                "mutation ($i: CreateFormInput!) { createForm(createFormInput: $i) { id } }",
                variables: ["i": Self.content])
            let id = try #require(
                ((created.body["data"] as? [String: Any])?["createForm"] as? [String: Any])?[
                    "id"] as? String)
            _ = try await client.post(
                "mutation ($id: ID!) { markAsSealed(id: $id) { id } }", variables: ["id": id])
            _ = try await client.post(
                "mutation ($i: UpdateFormInput!) { updateForm(updateFormInput: $i) { id } }",
                variables: ["i": ["id": id, "customId": "after-seal"]])
            let history = try await client.post(
                "query ($id: ID!) { formHistory(id: $id) { position type status changes } }",
                variables: ["id": id])
            let events =
                (history.body["data"] as? [String: Any])?["formHistory"] as? [[String: Any]] ?? []
            #expect(
                events.compactMap { $0["type"] as? String } == [
                    "FormCreated", "FormSealed", "FormUpdated",
                ])
            let change = (events.last?["changes"] as? [[String: Any]])?.first
            #expect(change?["path"] as? String == "customId")
            #expect(change?["to"] as? String == "after-seal")
            let sealedAt = try #require(events.dropFirst().first?["position"] as? Int)
            let past = try await client.post(
                "query ($id: ID!, $at: String) { form(id: $id, asOf: $at) { status customId } }",
                variables: ["id": id, "at": String(sealedAt)])
            let then = (past.body["data"] as? [String: Any])?["form"] as? [String: Any]
            #expect(then?["status"] as? String == "SEALED")
            #expect(then?["customId"] is NSNull)
            let before = try await client.post(
                "query ($id: ID!) { form(id: $id, asOf: \"2001-01-01\") { status } }",
                variables: ["id": id])
            #expect(GraphQLClient.codes(before.body) == ["NOT_FOUND"])
        }
    }

    @Test func sealingChecksTheNamedCompaniesAreRegisteredWithTheRightProfile() async throws {
        try await withAPIServer { server, _ in
            let client = try await Self.integrator(port: server.port)
            var content = Self.content
            let stranger = Self.siret(299)
            content["recipient"] = [
                "company": Self.company(stranger), "processingOperation": "R 1", "cap": "CAP-1",
            ]
            content["trader"] = [
                "company": Self.company(Self.transporter), "receipt": "N-1", "department": "69",
                "validityLimit": "2030-01-01",
            ]
            let created = try await client.post(
                "mutation ($i: CreateFormInput!) { createForm(createFormInput: $i) { id } }",
                variables: ["i": content])
            let id = try #require(
                ((created.body["data"] as? [String: Any])?["createForm"] as? [String: Any])?[
                    "id"] as? String)
            let sealed = try await client.post(
                "mutation ($id: ID!) { markAsSealed(id: $id) { id } }", variables: ["id": id])
            let error = (sealed.body["errors"] as? [[String: Any]])?.first
            let issues =
                (error?["extensions"] as? [String: Any])?["issues"] as? [[String: Any]] ?? []
            let found = Set(
                issues.map { "\($0["path"] as? String ?? ""): \($0["code"] as? String ?? "")" })
            #expect(found.contains("recipient.company.siret: COMPANY_NOT_REGISTERED"))
            #expect(found.contains("trader.company.siret: MISSING_COMPANY_PROFILE"))
        }
    }

    @Test func aRetriedCreationWithAnIdempotencyKeyCreatesOneBSD() async throws {
        try await withAPIServer { server, _ in
            let client = try await Self.integrator(port: server.port)
            let payload = try JSONSerialization.data(withJSONObject: [
                "query":
                    "mutation ($i: CreateFormInput!) { createForm(createFormInput: $i) { id } }",
                "variables": ["i": Self.content],
            ])
            let headers = [
                ("Content-Type", "application/json"),
                ("Authorization", "Bearer \(client.token ?? "")"),
                ("Idempotency-Key", "erp-order-42"),
            ]
            let first = try await fetch(
                port: server.port, "POST", "/graphql", headers: headers, body: Array(payload))
            let second = try await fetch(
                port: server.port, "POST", "/graphql", headers: headers, body: Array(payload))
            #expect(first.status == 200)
            #expect(second.body == first.body)
            #expect(second.header("Idempotency-Replayed") == "true")
            let listed = try await client.post(
                "query ($s: String) { forms(siret: $s) { id } }",
                variables: ["s": Self.producer])
            let forms = (listed.body["data"] as? [String: Any])?["forms"] as? [[String: Any]]
            #expect(forms?.count == 1)
        }
    }

    @Test func sealingAnEmptyDraftListsEveryMissingField() async throws {
        try await withAPIServer { server, _ in
            let client = try await Self.integrator(port: server.port)
            let created = try await client.post(
                "mutation ($i: CreateFormInput!) { createForm(createFormInput: $i) { id } }",
                variables: ["i": ["emitter": ["company": Self.company(Self.producer)]]])
            let id = try #require(
                ((created.body["data"] as? [String: Any])?["createForm"] as? [String: Any])?[
                    "id"] as? String)
            let sealed = try await client.post(
                "mutation ($id: ID!) { markAsSealed(id: $id) { id } }", variables: ["id": id])
            #expect(GraphQLClient.codes(sealed.body) == ["BAD_USER_INPUT"])
            let error = (sealed.body["errors"] as? [[String: Any]])?.first
            let issues =
                (error?["extensions"] as? [String: Any])?["issues"] as? [[String: Any]] ?? []
            let paths = Set(issues.compactMap { $0["path"] as? String })
            #expect(paths.contains("wasteDetails.code"))
            #expect(paths.contains("recipient.company.siret"))
            #expect(issues.allSatisfy { ($0["code"] as? String)?.isEmpty == false })
        }
    }
}
