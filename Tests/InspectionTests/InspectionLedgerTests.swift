import CanonicalJSON
import Foundation
import Inspection
import Ledger
import Testing

/// Inspector grants and control records on a real ledger in a temporary folder.
@Suite struct InspectionLedgerTests {
    final class World {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("bsd-inspection-test-\(UUID().uuidString)").path
        let ledger: Ledger

        init() throws {
            var options = LedgerOptions()
            options.durability = .noSync
            ledger = try Ledger(path: path, options: options)
        }

        deinit {
            ledger.close()
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    @Test func grantsAreFoldedAndTheLastOneWins() async throws {
        let world = try World()
        let directory = InspectorDirectory(ledger: world.ledger)
        try await directory.grant(
            userId: "u1", email: "ines@dreal.example", name: "Inès", networks: ["10.0.0.0/8"],
            orgIds: nil, now: 1)
        #expect(try directory.activeGrant(userId: "u1")?.covers("anything") == true)
        try await directory.grant(
            userId: "u1", email: "ines@dreal.example", name: "Inès",
            networks: ["192.0.2.7"], orgIds: ["A", "A", "B"], now: 2)
        let grant = try #require(try directory.activeGrant(userId: "u1"))
        #expect(grant.orgIds == ["A", "B"])
        #expect(grant.allows(address: "192.0.2.7"))
        #expect(!grant.allows(address: "10.0.0.1"))
        #expect(!grant.covers("C"))
        try await directory.revoke(userId: "u1", now: 3)
        #expect(try directory.activeGrant(userId: "u1") == nil)
        #expect(try directory.all().map(\.revokedAt) == [3])
        await #expect(throws: InspectionError.alreadyRevoked(userId: "u1")) {
            try await directory.revoke(userId: "u1", now: 4)
        }
        await #expect(throws: InspectionError.notAnInspector(userId: "u2")) {
            try await directory.revoke(userId: "u2", now: 4)
        }
    }

    @Test func aGrantWithAnUnreadableNetworkIsRefusedAndNothingIsWritten() async throws {
        let world = try World()
        let directory = InspectorDirectory(ledger: world.ledger)
        await #expect(throws: InspectionError.self) {
            try await directory.grant(
                userId: "u1", email: "e", name: "n", networks: ["10.0.0.0/8", "nowhere"],
                orgIds: nil, now: 1)
        }
        #expect(try world.ledger.head().position == 0)
    }

    @Test func aReadIsRecordedOnEveryCompanyItConcernsAndListedNewestFirst() async throws {
        let world = try World()
        let log = ControlLog(ledger: world.ledger)
        for (index, operation) in ["form", "controlFile", "traceabilityReport"].enumerated() {
            var record = ControlRecord(
                controlId: "c\(index)", orgId: "", inspectorId: "u1",
                inspectorEmail: "ines@dreal.example", operation: operation,
                remoteAddress: "127.0.0.1", requestId: "r\(index)", at: Int64(index))
            record.formId = index == 0 ? "f1" : nil
            try await log.record(record, orgIds: index == 0 ? ["A", "B"] : ["A"])
        }
        #expect(try log.count(orgId: "A") == 3)
        #expect(try log.count(orgId: "B") == 1)
        let page = try log.records(orgId: "A", limit: 2)
        #expect(page.map(\.record.operation) == ["traceabilityReport", "controlFile"])
        let rest = try log.records(orgId: "A", limit: 2, before: page.last?.version)
        #expect(rest.map(\.record.operation) == ["form"])
        #expect(rest.first?.record.formId == "f1")
        #expect(rest.first?.record.orgId == "A")
        #expect(try log.records(orgId: "B", limit: 5).first?.record.controlId == "c0")
    }
}
