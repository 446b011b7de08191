import Ledger
import Testing

@testable import Webhooks

@Suite struct WebhookSettingsTests {
    private func service(
        _ folder: TemporaryFolder, limit: Int = 2
    ) throws -> (Ledger, WebhookSettings) {
        let ledger = try Ledger(path: folder.path + "/ledger")
        var configuration = WebhookConfiguration()
        configuration.settingsPerCompany = limit
        configuration.allowedHosts = ["127.0.0.1"]
        return (
            ledger,
            WebhookSettings(ledger: ledger, configuration: configuration, key: .generate())
        )
    }

    private let token = "a-token-of-twenty-chars"

    @Test func theLimitPerCompanyIsEnforced() async throws {
        let folder = TemporaryFolder()
        let (ledger, settings) = try service(folder)
        defer { ledger.close() }
        for port in [8001, 8002] {
            _ = try await settings.create(
                orgId: "A", endpointUri: "http://127.0.0.1:\(port)/", token: token, activated: true,
                payload: .thin, userId: "u")
        }
        await #expect {
            try await settings.create(
                orgId: "A", endpointUri: "http://127.0.0.1:8003/", token: token, activated: true,
                payload: .thin, userId: "u")
        } throws: { error in
            guard case WebhookError.invalidInput(let issues) = error else { return false }
            return issues.map(\.code) == ["WEBHOOK_LIMIT_REACHED"]
        }
        _ = try await settings.create(
            orgId: "B", endpointUri: "http://127.0.0.1:8003/", token: token, activated: true,
            payload: .thin, userId: "u")
        #expect(try settings.settings(orgIds: ["A"]).count == 2)
        #expect(try settings.settings(orgIds: nil).count == 3)
    }

    @Test func badEndpointAndTokenAreReportedTogether() async throws {
        let folder = TemporaryFolder()
        let (ledger, settings) = try service(folder)
        defer { ledger.close() }
        await #expect {
            try await settings.create(
                orgId: "A", endpointUri: "https://10.0.0.1/", token: "short", activated: true,
                payload: .thin, userId: "u")
        } throws: { error in
            guard case WebhookError.invalidInput(let issues) = error else { return false }
            return issues.map(\.code) == ["ENDPOINT_ADDRESS_FORBIDDEN", "TOKEN_INVALID"]
        }
    }

    @Test func updatesAndDeletionFoldFromTheStream() async throws {
        let folder = TemporaryFolder()
        let (ledger, settings) = try service(folder)
        defer { ledger.close() }
        let created = try await settings.create(
            orgId: "A", endpointUri: "http://127.0.0.1:8001/", token: token, activated: false,
            payload: .thin, userId: "u")
        let updated = try await settings.update(
            id: created.id, changes: WebhookSettingChanges(activated: true, payload: .envelope),
            expectedVersion: created.version, userId: "u")
        #expect(updated.isActive)
        #expect(updated.record.payload == .envelope)
        #expect(updated.activeSince > created.activeSince)
        #expect(updated.record.secret == created.record.secret)
        await #expect(throws: WebhookError.self) {
            try await settings.update(
                id: created.id, changes: WebhookSettingChanges(activated: false),
                expectedVersion: created.version, userId: "u")
        }
        _ = try await settings.delete(id: created.id, expectedVersion: updated.version, userId: "u")
        #expect(try settings.setting(id: created.id)?.isDeleted == true)
        #expect(try settings.settings(orgIds: ["A"]).isEmpty)
    }

    @Test func deactivationTurnsTheEndpointOffWithItsReason() async throws {
        let folder = TemporaryFolder()
        let (ledger, settings) = try service(folder)
        defer { ledger.close() }
        let created = try await settings.create(
            orgId: "A", endpointUri: "http://127.0.0.1:8001/", token: token, activated: true,
            payload: .thin, userId: "u")
        try await settings.deactivate(id: created.id, reason: "GONE", position: 3, status: 410)
        let after = try #require(try settings.setting(id: created.id))
        #expect(!after.isActive)
        #expect(after.deactivationReason == "GONE")
        let events = try ledger.readStream(WebhookStreams.setting(created.id))
        #expect(events.map(\.type) == ["WebhookSettingCreated", "WebhookEndpointDeactivated"])
    }
}
