import CanonicalJSON
import Foundation
import Ledger
import Logging
import Testing

@testable import Webhooks

/// The webhook credentials at rest: the log holds them sealed, old clear events still fold,
/// and a missing or wrong key stops the service at start with the file's name.
@Suite struct WebhookSealingTests {
    private let token = "bearer-token-of-the-receiver-1"
    private let newToken = "bearer-token-of-the-receiver-2"

    private func configuration() -> WebhookConfiguration {
        var configuration = WebhookConfiguration()
        configuration.allowedHosts = ["127.0.0.1"]
        return configuration
    }

    private func service(
        _ ledger: Ledger, _ logs: InMemoryLogHandler = InMemoryLogHandler()
    ) throws -> WebhookService {
        try WebhookService(
            ledger: ledger, configuration: configuration(),
            logger: Logger(label: "webhooks", handler: logs))
    }

    /// Every byte of every file under `path`.
    private func bytes(under path: String) throws -> [UInt8] {
        var all: [UInt8] = []
        let files = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String }
        for file in files ?? [] {
            var isFolder: ObjCBool = false
            let full = path + "/" + file
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                all += Array(try Data(contentsOf: URL(fileURLWithPath: full)))
            }
        }
        return all
    }

    private func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains {
            haystack[$0..<($0 + needle.count)].elementsEqual(needle)
        }
    }

    @Test func theLogHoldsNeitherTheSecretNorTheTokens() async throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path + "/ledger")
        let logs = InMemoryLogHandler()
        let webhooks = try service(ledger, logs)
        let created = try await webhooks.settings.create(
            orgId: "A", endpointUri: "http://127.0.0.1:8001/", token: token, activated: true,
            payload: .thin, userId: "u")
        let updated = try await webhooks.settings.update(
            id: created.id, changes: WebhookSettingChanges(token: newToken),
            expectedVersion: created.version, userId: "u")
        #expect(updated.record.token == newToken)
        #expect(updated.record.secret == created.record.secret)
        let events = try ledger.readStream(WebhookStreams.setting(created.id))
        #expect(events.map(\.schemaVersion) == [2, 2])
        await webhooks.stop()
        ledger.close()
        let stored = try bytes(under: folder.path + "/ledger")
        #expect(contains(stored, "WebhookSettingCreated"), "the scan reads the log")
        #expect(contains(stored, "http://127.0.0.1:8001/"), "the scan reads the payloads")
        let secret = String(created.record.secret.dropFirst("whsec_".count))
        for value in [secret, token, newToken] {
            #expect(!contains(stored, value), "a credential is in clear in the log")
            #expect(!logs.written.contains { "\($0)".contains(value) })
        }
    }

    @Test func aVersionOneSettingInClearStillFoldsAndTakesASealedUpdate() async throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path + "/ledger")
        defer { ledger.close() }
        let secret = WebhookSignature.makeSecret()
        let created: JSONValue = [
            "settingId": "s1", "orgId": "A", "endpointUri": "http://127.0.0.1:8001/",
            "token": .string(token), "secret": .string(secret), "activated": true,
            "payload": "THIN", "createdBy": "u", "at": 1,
        ]
        let listed: JSONValue = [
            "settingId": "s1", "orgId": "A", "endpointUri": "http://127.0.0.1:8001/",
        ]
        _ = try await ledger.append(
            [
                StreamAppend(
                    stream: WebhookStreams.directory, expected: .noStream,
                    events: [version1("WebhookSettingListed", listed)]),
                StreamAppend(
                    stream: WebhookStreams.setting("s1"), expected: .noStream,
                    events: [version1("WebhookSettingCreated", created)]),
            ])
        let webhooks = try service(ledger)
        let folded = try #require(try webhooks.settings.setting(id: "s1"))
        #expect(folded.record.token == token)
        #expect(folded.record.secret == secret)
        #expect(folded.isActive)
        #expect(WebhookSignature.key(secret: folded.record.secret)?.count == 32)
        let updated = try await webhooks.settings.update(
            id: "s1", changes: WebhookSettingChanges(token: newToken),
            expectedVersion: folded.version, userId: "u")
        #expect(updated.record.token == newToken)
        #expect(updated.record.secret == secret)
        await webhooks.stop()
    }

    private func version1(_ type: String, _ payload: JSONValue) -> NewEvent {
        NewEvent(
            id: EventID.timeOrdered(microseconds: Timestamp.now()), type: type, schemaVersion: 1,
            payload: CanonicalJSON.encode(payload),
            metadata: EventMetadata(actingUser: "u", actingCompany: "A"))
    }

    @Test func aMissingOrWrongKeyStopsTheStartNamingTheFile() async throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path + "/ledger")
        defer { ledger.close() }
        let webhooks = try service(ledger)
        _ = try await webhooks.settings.create(
            orgId: "A", endpointUri: "http://127.0.0.1:8001/", token: token, activated: true,
            payload: .thin, userId: "u")
        await webhooks.stop()
        let path = ledger.folder + "/" + SealingKey.fileName
        try FileManager.default.removeItem(atPath: path)
        #expect(throws: WebhookError.self) { try service(ledger) }
        #expect(!FileManager.default.fileExists(atPath: path), "no new key replaces a lost one")
        do {
            _ = try service(ledger)
        } catch {
            #expect("\(error)".contains(path))
            #expect("\(error)".contains("missing"))
        }
        _ = try SealingKey.create(
            in: ledger.folder, logger: Logger(label: "t", handler: InMemoryLogHandler()))
        do {
            _ = try service(ledger)
            Issue.record("a wrong key was accepted")
        } catch {
            guard case WebhookError.sealingKey(let named, let reason) = error else {
                Issue.record("not a key error: \(error)")
                return
            }
            #expect(named == path)
            #expect(reason.contains("sealed under key"))
        }
    }

    @Test func aFreshFolderGetsAnOwnerOnlyKeyKeptAcrossStarts() async throws {
        let folder = TemporaryFolder()
        let ledger = try Ledger(path: folder.path + "/ledger")
        defer { ledger.close() }
        let first = try service(ledger)
        let created = try await first.settings.create(
            orgId: "A", endpointUri: "http://127.0.0.1:8001/", token: token, activated: true,
            payload: .thin, userId: "u")
        await first.stop()
        let path = ledger.folder + "/" + SealingKey.fileName
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]
        #expect((mode as? Int) == 0o600)
        let second = try service(ledger)
        #expect(try second.settings.setting(id: created.id)?.record == created.record)
        await second.stop()
    }

    @Test func anAlteredSealedValueDoesNotOpen() throws {
        let key = SealingKey.generate()
        var sealed = key.seal(token)
        #expect(try key.open(sealed) == token)
        #expect(key.seal(token) != sealed, "each value has its own nonce")
        sealed.box[sealed.box.count - 1] ^= 1
        #expect(throws: WebhookError.self) { try key.open(sealed) }
        #expect(SealedValue(json: sealed.json) == sealed)
    }
}
