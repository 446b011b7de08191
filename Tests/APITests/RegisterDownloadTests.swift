import Foundation
import Projections
import TestSupport
import Testing

@testable import API

/// Register downloads over real HTTP on loopback: `wastesRegistryCsv` and `wastesRegistryXls`
/// hand out a link, `GET /download?token=…` answers the file once.
@Suite struct RegisterDownloadTests {
    typealias World = FormLifecycleOverHTTPTests

    /// The whole of 2026, as a `WasteRegistryWhere`.
    static var year2026: [String: Any] {
        [
            "createdAt": ["_gte": "2026-01-01", "_lt": "2027-01-01"]
        ]
    }

    static let linkQuery = """
        query ($t: WasteRegistryType!, $s: [String!]!, $w: WasteRegistryWhere) {
          csv: wastesRegistryCsv(registryType: $t, sirets: $s, where: $w) { token downloadLink }
        }
        """

    static let xlsxQuery = """
        query ($t: WasteRegistryType!, $s: [String!]!, $w: WasteRegistryWhere) {
          xlsx: wastesRegistryXls(registryType: $t, sirets: $s, where: $w) { token downloadLink }
        }
        """

    /// Creates a BSD and brings it to SENT (picked up on 2026-03-01); returns its readable id.
    static func pickedUpBSD(_ client: GraphQLClient) async throws -> String {
        let (id, readableId) = try await sealedBSD(client)
        let emission: [String: Any] = [
            "emittedAt": "2026-03-01", "emittedBy": "Ana", "quantity": 1.5,
        ]
        let transport: [String: Any] = [
            "takenOverAt": "2026-03-01T09:00:00Z", "takenOverBy": "Tom",
            "transporterNumberPlate": "AB-123-CD",
        ]
        _ = try await World.step(
            client, "signEmissionForm", "input", "SignEmissionFormInput", id, emission)
        let status = try await World.step(
            client, "signTransportForm", "input", "SignTransportFormInput", id, transport)
        #expect(status == "SENT")
        return readableId
    }

    /// Creates and seals a BSD; returns its id and readable id.
    static func sealedBSD(_ client: GraphQLClient) async throws -> (String, String) {
        let created = try await client.post(
            "mutation ($i: CreateFormInput!) { createForm(createFormInput: $i) { id readableId } }",
            variables: ["i": World.content])
        let form = try #require(
            (created.body["data"] as? [String: Any])?["createForm"] as? [String: Any])
        let id = try #require(form["id"] as? String)
        let sealed = try await client.post(
            "mutation ($id: ID!) { markAsSealed(id: $id) { status } }", variables: ["id": id])
        #expect(GraphQLClient.codes(sealed.body).isEmpty, "\(sealed.body)")
        return (id, try #require(form["readableId"] as? String))
    }

    /// Asks for a link; returns the answer's `FileDownload` (nil on errors) and error codes.
    static func link(
        _ client: GraphQLClient, _ type: String, _ sirets: [String], xlsx: Bool = false
    ) async throws -> (token: String, path: String)? {
        let answer = try await client.post(
            xlsx ? xlsxQuery : linkQuery, variables: ["t": type, "s": sirets, "w": year2026])
        let data = answer.body["data"] as? [String: Any]
        guard let download = data?[xlsx ? "xlsx" : "csv"] as? [String: Any],
            let token = download["token"] as? String,
            let link = download["downloadLink"] as? String,
            let path = link.range(of: "/download?").map({ String(link[$0.lowerBound...]) })
        else { return nil }
        #expect(link.hasPrefix("http://127.0.0.1:\(client.port)/download?token="))
        return (token, path)
    }

    /// The error codes of a link request.
    static func linkErrors(
        _ client: GraphQLClient, _ type: String, _ sirets: [String]
    ) async throws -> [String] {
        let answer = try await client.post(
            linkQuery, variables: ["t": type, "s": sirets, "w": year2026])
        return GraphQLClient.codes(answer.body)
    }

    /// The CSV's rows as dictionaries by header.
    static func rows(_ body: [UInt8]) -> (header: [String], rows: [[String: String]]) {
        let records = csvRecords(String(decoding: body, as: UTF8.self))
        guard let header = records.first else { return ([], []) }
        let rows = records.dropFirst().map { cells in
            #expect(cells.count == header.count)
            return Dictionary(zip(header, cells), uniquingKeysWith: { first, _ in first })
        }
        return (header, rows)
    }

    /// RFC 4180 records: fields split on commas outside quotes, `""` inside quotes.
    static func csvRecords(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        while let character = characters.next() {
            switch (quoted, character) {
            case (true, "\""):
                quoted = false
            case (true, _):
                field.append(character)
            case (false, "\""):
                if !field.isEmpty { field.append("\"") }
                quoted = true
            case (false, ","):
                record.append(field)
                field = ""
            case (false, "\r\n"), (false, "\n"):
                record.append(field)
                records.append(record)
                (record, field) = ([], "")
            default:
                field.append(character)
            }
        }
        return records
    }

    @Test func aPickedUpBSDIsInTheProducersOutgoingAndTheTransportersTransportedRegister()
        async throws
    {
        try await withAPIServer { server, _ in
            let client = try await World.integrator(port: server.port)
            let readableId = try await Self.pickedUpBSD(client)
            let (_, draftOnly) = try await Self.sealedBSD(client)
            for (type, siret) in [("OUTGOING", World.producer), ("TRANSPORTED", World.transporter)]
            {
                let link = try #require(try await Self.link(client, type, [siret]))
                let response = try await fetch(port: server.port, "GET", link.path)
                #expect(response.status == 200)
                #expect(response.header("Content-Type") == "text/csv; charset=utf-8")
                #expect(
                    response.header("Content-Disposition")
                        == "attachment; filename=\"registre-\(type.lowercased())-\(siret)"
                        + "-2026-01-01-2026-12-31.csv\"")
                let (header, rows) = Self.rows(response.body)
                #expect(header.first == "SIRET du déclarant")
                #expect(rows.count == 1)
                let row = try #require(rows.first)
                #expect(row["SIRET du déclarant"] == siret)
                #expect(row["N° de bordereau"] == readableId)
                #expect(row["N° de bordereau"] != draftOnly)
                #expect(row["Date"] == "2026-03-01")
                #expect(row["Date d'enlèvement"] == "2026-03-01")
                #expect(row["Déchet dangereux"] == "O")
                #expect(row["POP"] == "N")
                #expect(row["Quantité (t)"] == "1.500")
                #expect(row["Transporteur SIRET"] == World.transporter)
                #expect(row["Code d'opération prévu"] == "R1")
                #expect(row["Mention ADR"] == "UN 3175, 4.1, II")
            }
        }
    }

    @Test func aLinkWorksOnceThenAnswersGone() async throws {
        try await withAPIServer { server, _ in
            let client = try await World.integrator(port: server.port)
            _ = try await Self.pickedUpBSD(client)
            let link = try #require(try await Self.link(client, "OUTGOING", [World.producer]))
            let first = try await fetch(port: server.port, "GET", link.path)
            #expect(first.status == 200)
            let second = try await fetch(port: server.port, "GET", link.path)
            #expect(second.status == 410)
            #expect(second.header("Content-Type") == "text/plain; charset=utf-8")
            let invented = try await fetch(port: server.port, "GET", "/download?token=nope")
            #expect(invented.status == 404)
            let missing = try await fetch(port: server.port, "GET", "/download")
            #expect(missing.status == 400)
            let metrics = try await fetch(port: server.port, "GET", "/metrics")
            let page = String(decoding: metrics.body, as: UTF8.self)
            #expect(page.contains("route=\"download\""))
        }
    }

    @Test func aLinkFollowedAfterItsLifetimeFails() async throws {
        try await withAPIServer(configure: { $0.downloadLinkLifetime = .milliseconds(50) }) {
            server, _ in
            let client = try await World.integrator(port: server.port)
            let link = try #require(try await Self.link(client, "OUTGOING", [World.producer]))
            try await Task.sleep(for: .milliseconds(200))
            let late = try await fetch(port: server.port, "GET", link.path)
            #expect(late.status == 410)
            #expect(late.body.isEmpty == false)
        }
    }

    @Test func aDriverMayNotDownloadTheRegister() async throws {
        try await withAPIServer { server, _ in
            let client = try await World.integrator(port: server.port)
            let invited = try await client.post(
                "mutation ($e: String!, $s: String!) { inviteUserToCompany(email: $e, siret: $s,"
                    + " role: DRIVER) { id } }",
                variables: ["e": "dan@example.org", "s": World.transporter])
            #expect(GraphQLClient.codes(invited.body).isEmpty, "\(invited.body)")
            let driver = try await GraphQLClient.signedUp(
                port: server.port, email: "dan@example.org")
            #expect(
                try await Self.linkErrors(driver, "TRANSPORTED", [World.transporter]) == [
                    "FORBIDDEN"
                ])
        }
    }

    @Test func aSiretOutsideTheCallersCompaniesIsForbidden() async throws {
        try await withAPIServer { server, _ in
            let client = try await World.integrator(port: server.port)
            let stranger = World.siret(299)
            #expect(try await Self.linkErrors(client, "ALL", [stranger]) == ["FORBIDDEN"])
            #expect(
                try await Self.linkErrors(client, "ALL", [World.producer, stranger]) == [
                    "FORBIDDEN"
                ])
            let anonymous = GraphQLClient(port: server.port)
            #expect(
                try await Self.linkErrors(anonymous, "ALL", [World.producer]) == [
                    "UNAUTHENTICATED"
                ])
            #expect(try await Self.linkErrors(client, "ALL", []) == ["BAD_USER_INPUT"])
        }
    }

    @Test func severalCompaniesShareOneFileWithTheirSiretFirst() async throws {
        try await withAPIServer { server, _ in
            let client = try await World.integrator(port: server.port)
            let readableId = try await Self.pickedUpBSD(client)
            let link = try #require(
                try await Self.link(client, "ALL", [World.producer, World.transporter]))
            let response = try await fetch(port: server.port, "GET", link.path)
            let (_, rows) = Self.rows(response.body)
            #expect(
                rows.compactMap { $0["SIRET du déclarant"] } == [
                    World.producer, World.transporter,
                ])
            #expect(rows.allSatisfy { $0["N° de bordereau"] == readableId })
            #expect(
                response.header("Content-Disposition")?.contains(
                    "registre-all-\(World.producer)-et-1-autres-") == true)
        }
    }

    @Test func theXLSXLinkAnswersAWorkbook() async throws {
        try await withAPIServer { server, _ in
            let client = try await World.integrator(port: server.port)
            _ = try await Self.pickedUpBSD(client)
            let link = try #require(
                try await Self.link(client, "OUTGOING", [World.producer], xlsx: true))
            let response = try await fetch(port: server.port, "GET", link.path)
            #expect(response.status == 200)
            #expect(
                response.header("Content-Type")
                    == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(response.header("Content-Disposition")?.hasSuffix(".xlsx\"") == true)
            #expect(Array(response.body.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        }
    }

    @Test func aDateFilterBecomesAHalfOpenRange() throws {
        let day: Int64 = 86_400_000_000
        let march = try #require(RegisterExport.day("2026-03-01"))
        #expect(
            try FormResolvers.registerRange(["_gte": "2026-03-01", "_lt": "2026-03-02"]) == (
                march, march + day
            ))
        #expect(
            try FormResolvers.registerRange([
                "_gt": "2026-03-01T00:00:00.000000Z", "_lte": "2026-03-01T00:00:00.000001Z",
            ]) == (march + 1, march + 2))
        #expect(try FormResolvers.registerRange([:]) == (0, Int64.max))
        #expect(throws: APIError.self) {
            try FormResolvers.registerRange(["_gte": "2026-03-02", "_lt": "2026-03-01"])
        }
    }
}
