import Identity
import Ledger
import Testing

/// The identity projection is a fold of the log: replaying every event into an empty ledger
/// gives the same bytes in every projection database.
@Suite struct ProjectionRebuildTests {
    private func dump(_ ledger: Ledger) throws -> [String: [[UInt8]: [UInt8]]] {
        var all: [String: [[UInt8]: [UInt8]]] = [:]
        for name in IdentityProjection().databaseNames {
            let database = try #require(ledger.database(name))
            var entries: [[UInt8]: [UInt8]] = [:]
            try ledger.read { txn throws(LedgerError) in
                try txn.scan(database, from: [0]) { key, value in
                    entries[Array(key)] = Array(value)
                    return true
                }
            }
            all[name] = entries
        }
        return all
    }

    @Test func replayingTheLogRebuildsTheSameProjection() async throws {
        let harness = try IdentityHarness()
        let admin = try await harness.signup("admin@example.org")
        let bob = try await harness.signup("bob@example.org")
        _ = try await harness.company(by: admin)
        let service = harness.service
        try await service.inviteUserToCompany(
            userId: admin, email: "bob@example.org", orgId: Fixture.siret, role: .member)
        try await service.inviteUserToCompany(
            userId: admin, email: "later@example.org", orgId: Fixture.siret, role: .reader)
        try await service.changeUserRole(
            userId: admin, memberId: bob, orgId: Fixture.siret, role: .admin)
        let token = try await service.createAccessToken(userId: bob, description: "CI")
        _ = try await service.verify(bearer: token.token)
        try await service.revokeAccessToken(userId: bob, tokenId: token.id)
        _ = try await service.renewSecurityCode(userId: bob, orgId: Fixture.siret)
        let receipt = try await service.createTransporterReceipt(
            userId: admin, receiptNumber: "R-1", validityLimit: "2030-01-01", department: "971")
        _ = try await service.updateCompany(
            userId: admin, orgId: Fixture.siret,
            changes: CompanyChanges(companyTypes: [.transporter], transporterReceiptId: receipt.id))
        try await service.removeUserFromCompany(userId: bob, memberId: admin, orgId: Fixture.siret)

        let replay = try IdentityHarness()
        for event in try harness.ledger.readAll(after: 0, limit: 10_000) {
            let copy = NewEvent(
                id: event.id, type: event.type, schemaVersion: event.schemaVersion,
                payload: event.payload, metadata: event.metadata)
            _ = try await replay.ledger.append([copy], to: event.streamID, expected: .any)
        }
        #expect(try dump(replay.ledger) == dump(harness.ledger))
        #expect(try dump(harness.ledger)["identity-users"]?.count == 2)
        #expect(try harness.ledger.verify().problem == nil)
    }

    @Test func eventsOfOtherStreamsPassThroughUntouched() async throws {
        let harness = try IdentityHarness()
        let event = NewEvent(
            id: .random(), type: "FormCreated", payload: Array(#"{"anything":1}"#.utf8))
        let positions = try await harness.ledger.append([event], to: "form-1", expected: .noStream)
        #expect(positions == [1])
        #expect(try dump(harness.ledger).values.allSatisfy(\.isEmpty))
    }
}
