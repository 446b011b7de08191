import CanonicalJSON
import Foundation
import Testing

@testable import Webhooks

/// The webhook events against the catalogue in `events/`: each schema's example, of every
/// version, reads back to the same bytes and version, and the events the module writes go
/// to `.build/webhook-event-samples.jsonl` for `Tests/python/test_event_catalogue.py`.
@Suite struct WebhookEventCatalogueTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let schemas: [(type: String, version: UInt16)] =
        WebhookSettingEvent.types.map { ($0, 1) }
        + [("WebhookSettingCreated", 2), ("WebhookSettingUpdated", 2)]

    @Test(arguments: schemas.map { "\($0.type)/v\($0.version)" })
    func schemaExampleIsWhatTheModuleReadsAndWrites(name: String) throws {
        let (type, version) = try #require(
            Self.schemas.first { "\($0.type)/v\($0.version)" == name })
        let url = Self.root.appendingPathComponent("events/\(name).schema.json")
        let schema = try CanonicalJSON.decode(
            JSONValue.self, from: Array(try Data(contentsOf: url)))
        guard case .array(let examples)? = schema["examples"], let example = examples.first else {
            Issue.record("\(name) has no example")
            return
        }
        let bytes = CanonicalJSON.encode(example)
        let event = try #require(
            WebhookSettingEvent.decode(type: type, schemaVersion: version, payload: bytes),
            "\(name): the example does not decode")
        #expect(event.type == type)
        #expect(event.schemaVersion == version)
        #expect(CanonicalJSON.encode(event.payload) == bytes, "\(name): not the module's form")
    }

    @Test func aVersionTwoPayloadIsNotReadAsVersionOneNorTheReverse() throws {
        let key = SealingKey.generate()
        let record = WebhookSettingRecord(
            id: "s1", orgId: "A", endpointUri: "https://hooks.example.fr/", token: "t",
            secret: "whsec_AAAA", activated: true, payload: .thin)
        let sealed = CanonicalJSON.encode(
            WebhookSettingEvent.created(
                StoredSettingRecord(sealing: record, with: key), createdBy: "u", at: 1
            ).payload)
        #expect(
            WebhookSettingEvent.decode(
                type: "WebhookSettingCreated", schemaVersion: 1, payload: sealed) == nil)
        #expect(
            WebhookSettingEvent.decode(
                type: "WebhookSettingCreated", schemaVersion: 2, payload: sealed) != nil)
        #expect(
            WebhookSettingEvent.decode(
                type: "WebhookSettingDeleted", schemaVersion: 2,
                payload: Array(#"{"at":1,"deletedBy":"u","settingId":"s1"}"#.utf8)) == nil)
    }

    @Test func writtenEventsGoToTheSampleFile() throws {
        let key = SealingKey.generate()
        let record = WebhookSettingRecord(
            id: "s1", orgId: "A", endpointUri: "https://hooks.example.fr/",
            token: "integrator-bearer-token-01", secret: WebhookSignature.makeSecret(),
            activated: true, payload: .envelope)
        let events: [WebhookSettingEvent] = [
            .created(StoredSettingRecord(sealing: record, with: key), createdBy: "u", at: 1),
            .updated(
                settingId: "s1",
                changes: StoredSettingChanges(
                    sealing: WebhookSettingChanges(
                        endpointUri: "https://hooks.example.fr/2",
                        token: "integrator-bearer-token-02", activated: false, payload: .thin),
                    with: key), updatedBy: "u", at: 2),
            .updated(
                settingId: "s1",
                changes: StoredSettingChanges(
                    sealing: WebhookSettingChanges(activated: true), with: key),
                updatedBy: "u", at: 3),
            .deactivated(settingId: "s1", reason: "GONE", position: 9, status: 410, at: 4),
            .deactivated(
                settingId: "s1", reason: "RETRIES_EXHAUSTED", position: 10, status: nil, at: 5),
            .deleted(settingId: "s1", deletedBy: "u", at: 6),
            .listed(settingId: "s1", orgId: "A", endpointUri: "https://hooks.example.fr/"),
            .unlisted(settingId: "s1", orgId: "A"),
        ]
        var lines = ""
        for event in events {
            let bytes = CanonicalJSON.encode(event.payload)
            #expect(
                WebhookSettingEvent.decode(
                    type: event.type, schemaVersion: event.schemaVersion, payload: bytes) == event)
            let line: JSONValue = [
                "type": .string(event.type), "schemaVersion": .int(Int64(event.schemaVersion)),
                "payload": event.payload,
            ]
            lines += String(decoding: CanonicalJSON.encode(line), as: UTF8.self) + "\n"
        }
        let url = Self.root.appendingPathComponent(".build/webhook-event-samples.jsonl")
        try Data(lines.utf8).write(to: url)
    }
}
