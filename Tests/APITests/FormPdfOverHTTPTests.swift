import Foundation
import Ledger
import TestSupport
import Testing

@testable import API

/// `formPdf` and road-control links over real HTTP on loopback.
@Suite struct FormPdfOverHTTPTests {
    typealias World = FormLifecycleOverHTTPTests
    typealias Registers = RegisterDownloadTests

    static let createLink = """
        mutation ($id: ID!) { createPdfAccessToken(input: {bsdId: $id}) }
        """

    /// A BSD brought to SENT; its id and readable id.
    static func sentBSD(_ client: GraphQLClient) async throws -> (String, String) {
        let (id, readableId) = try await Registers.sealedBSD(client)
        _ = try await World.step(
            client, "signEmissionForm", "input", "SignEmissionFormInput", id,
            ["emittedAt": "2026-03-01", "emittedBy": "Ana", "quantity": 1.5])
        let status = try await World.step(
            client, "signTransportForm", "input", "SignTransportFormInput", id,
            [
                "takenOverAt": "2026-03-01T09:00:00Z", "takenOverBy": "Tom",
                "transporterNumberPlate": "AB-123-CD",
            ])
        #expect(status == "SENT")
        return (id, readableId)
    }

    /// The path and query of `link` when it points at this server.
    static func target(_ link: String, port: Int) -> String? {
        let base = "http://127.0.0.1:\(port)"
        return link.hasPrefix(base) ? String(link.dropFirst(base.count)) : nil
    }

    /// `createPdfAccessToken` for `id`: the link, or the error codes.
    static func roadLink(
        _ client: GraphQLClient, _ id: String
    ) async throws -> (link: String?, codes: [String], issues: [String]) {
        let answer = try await client.post(createLink, variables: ["id": id])
        let link = (answer.body["data"] as? [String: Any])?["createPdfAccessToken"] as? String
        let errors = answer.body["errors"] as? [[String: Any]] ?? []
        let issues = errors.flatMap { error in
            ((error["extensions"] as? [String: Any])?["issues"] as? [[String: Any]] ?? [])
                .compactMap { $0["code"] as? String }
        }
        return (link, GraphQLClient.codes(answer.body), issues)
    }

    @Test func formPdfLinkAnswersThePdfOnce() async throws {
        try await withAPIServer { server, _ in
            let client = try await World.integrator(port: server.port)
            let (id, readableId) = try await Self.sentBSD(client)
            let answer = try await client.post(
                "query ($id: ID!) { formPdf(id: $id) { token downloadLink } }",
                variables: ["id": id])
            let file = try #require(
                (answer.body["data"] as? [String: Any])?["formPdf"] as? [String: Any])
            let link = try #require(file["downloadLink"] as? String)
            let path = try #require(Self.target(link, port: server.port))
            let response = try await fetch(port: server.port, "GET", path)
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/pdf")
            #expect(
                response.header("Content-Disposition")
                    == "attachment; filename=\"BSD-\(readableId).pdf\"")
            #expect(response.body.starts(with: Array("%PDF-".utf8)))
            #expect(try await fetch(port: server.port, "GET", path).status == 410)
        }
    }

    @Test func formPdfOfABSDTheCallerCannotReadIsNotFound() async throws {
        try await withAPIServer { server, _ in
            let client = try await World.integrator(port: server.port)
            let (id, _) = try await Self.sentBSD(client)
            let outsider = try await GraphQLClient.signedUp(
                port: server.port, email: "nobody@example.org")
            let query = "query ($id: ID!) { formPdf(id: $id) { token } }"
            let refused = try await outsider.post(query, variables: ["id": id])
            #expect(GraphQLClient.codes(refused.body) == ["NOT_FOUND"])
            let missing = try await client.post(query, variables: ["id": "no-such-bsd"])
            #expect(GraphQLClient.codes(missing.body) == ["NOT_FOUND"])
            let anonymous = try await GraphQLClient(port: server.port)
                .post(query, variables: ["id": id])
            #expect(GraphQLClient.codes(anonymous.body) == ["UNAUTHENTICATED"])
        }
    }

    @Test func roadControlLinkServesThePdfWhileSentAndRecordsEachUse() async throws {
        try await withAPIServer { server, ledger in
            let client = try await World.integrator(port: server.port)
            let (id, readableId) = try await Self.sentBSD(client)
            let link = try #require(try await Self.roadLink(client, id).link)
            let path = try #require(Self.target(link, port: server.port))
            #expect(path.hasPrefix("/road-control?token="))
            for _ in 1...2 {
                let response = try await fetch(port: server.port, "GET", path)
                #expect(response.status == 200)
                #expect(response.header("Content-Type") == "application/pdf")
                #expect(response.header("Content-Disposition")?.hasPrefix("inline;") == true)
                #expect(response.body.starts(with: Array("%PDF-".utf8)))
            }
            let token = String(path.dropFirst("/road-control?token=".count))
            let events = try RoadControlLinks(ledger: ledger).events(token: token)
            guard case .created(let grant)? = events.first else {
                Issue.record("no creation event: \(events)")
                return
            }
            #expect(grant.formId == id && grant.readableId == readableId)
            #expect(grant.expiresAt - grant.issuedAt == 1_800_000_000)
            #expect(
                Array(events.dropFirst()).map { event -> String in
                    guard case .used(let tokenId, let formId, _, let address) = event else {
                        return "?"
                    }
                    return "\(tokenId == grant.tokenId) \(formId) \(address)"
                } == ["true \(id) 127.0.0.1", "true \(id) 127.0.0.1"])
            Self.writeSamples(ledger: ledger, token: token)
        }
    }

    @Test func roadControlLinksOnlyExistWhileTheWasteIsInTransit() async throws {
        try await withAPIServer { server, _ in
            let client = try await World.integrator(port: server.port)
            let (sealedId, _) = try await Registers.sealedBSD(client)
            let early = try await Self.roadLink(client, sealedId)
            #expect(early.link == nil)
            #expect(early.codes == ["BAD_USER_INPUT"] && early.issues == ["NOT_IN_TRANSIT"])
            let (id, _) = try await Self.sentBSD(client)
            let link = try #require(try await Self.roadLink(client, id).link)
            let path = try #require(Self.target(link, port: server.port))
            _ = try await World.step(
                client, "markAsReceived", "receivedInfo", "ReceivedFormInput", id,
                ["receivedAt": "2026-03-02T08:00:00Z", "receivedBy": "Rita"])
            #expect(try await fetch(port: server.port, "GET", path).status == 410)
            let late = try await Self.roadLink(client, id)
            #expect(late.codes == ["BAD_USER_INPUT"] && late.issues == ["NOT_IN_TRANSIT"])
        }
    }

    @Test func outsidersGetNoRoadControlLinkAndUnknownTokensNothing() async throws {
        try await withAPIServer { server, _ in
            let client = try await World.integrator(port: server.port)
            let (id, _) = try await Self.sentBSD(client)
            let outsider = try await GraphQLClient.signedUp(
                port: server.port, email: "nobody@example.org")
            #expect(try await Self.roadLink(outsider, id).codes == ["NOT_FOUND"])
            #expect(
                try await Self.roadLink(GraphQLClient(port: server.port), id).codes == [
                    "UNAUTHENTICATED"
                ])
            let unknown = try await fetch(port: server.port, "GET", "/road-control?token=nope")
            #expect(unknown.status == 404)
            #expect(try await fetch(port: server.port, "GET", "/road-control").status == 404)
        }
    }

    @Test func roadControlLinkStopsAtTheEndOfItsLifetime() async throws {
        try await withAPIServer(configure: { $0.roadControlLinkLifetime = .milliseconds(300) }) {
            server, _ in
            let client = try await World.integrator(port: server.port)
            let (id, _) = try await Self.sentBSD(client)
            let link = try #require(try await Self.roadLink(client, id).link)
            let path = try #require(Self.target(link, port: server.port))
            #expect(try await fetch(port: server.port, "GET", path).status == 200)
            try await Task.sleep(for: .milliseconds(400))
            #expect(try await fetch(port: server.port, "GET", path).status == 410)
        }
    }

    /// Writes the link's events to `.build/event-samples-road-control.jsonl`, which the
    /// Python catalogue test validates against `events/`.
    static func writeSamples(ledger: Ledger, token: String) {
        guard let marker = "\(#filePath)".firstRange(of: "/Tests/APITests/"),
            let events = try? ledger.readStream(RoadControlLinks.stream(token: token))
        else { return }
        let root = String("\(#filePath)"[..<marker.lowerBound])
        let lines = events.map { event in
            "{\"type\":\"\(event.type)\",\"schemaVersion\":\(event.schemaVersion),\"payload\":"
                + String(decoding: event.payload, as: UTF8.self) + "}\n"
        }
        let written = FileManager.default.createFile(
            atPath: root + "/.build/event-samples-road-control.jsonl",
            contents: Data(lines.joined().utf8))
        #expect(written)
    }
}
