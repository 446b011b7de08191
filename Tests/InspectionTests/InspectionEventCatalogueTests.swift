import CanonicalJSON
import Foundation
import Inspection
import Testing

/// The inspection events against the catalogue in `events/`: each schema's example is what
/// the module writes, and the events the module writes go to
/// `.build/inspection-event-samples.jsonl` for `Tests/python/test_event_catalogue.py`.
@Suite struct InspectionEventCatalogueTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func samples() -> [(type: String, payload: JSONValue)] {
        var full = ControlRecord(
            controlId: "c1", orgId: "12345678000014", inspectorId: "u1",
            inspectorEmail: "ines@dreal.example", operation: "controlFile",
            remoteAddress: "::1", requestId: "r1", at: 5)
        full.from = 1
        full.to = 2
        full.formId = "f1"
        full.readableId = "BSD-1"
        let bare = ControlRecord(
            controlId: "c2", orgId: "12345678000014", inspectorId: "u1",
            inspectorEmail: "ines@dreal.example", operation: "traceabilityReport",
            remoteAddress: "127.0.0.1", requestId: "r2", at: 6)
        let events: [InspectorEvent] = [
            .granted(
                userId: "u1", email: "ines@dreal.example", name: "Inès", networks: ["10.0.0.0/8"],
                orgIds: nil, at: 1),
            .granted(
                userId: "u1", email: "ines@dreal.example", name: "Inès",
                networks: ["127.0.0.1/32", "::1/128"], orgIds: ["12345678000014"], at: 2),
            .revoked(userId: "u1", at: 3),
        ]
        return events.map { ($0.type, $0.payload) }
            + [full, bare].map { (ControlRecord.type, $0.payload) }
    }

    @Test(arguments: InspectorEvent.types + [ControlRecord.type])
    func schemaExampleIsWhatTheModuleWrites(type: String) throws {
        let url = Self.root.appendingPathComponent("events/\(type)/v1.schema.json")
        let schema = try CanonicalJSON.decode(
            JSONValue.self, from: Array(try Data(contentsOf: url)))
        guard case .array(let examples)? = schema["examples"], let example = examples.first else {
            Issue.record("\(type) has no example")
            return
        }
        let bytes = CanonicalJSON.encode(example)
        let written: JSONValue
        if type == ControlRecord.type {
            written = try ControlRecord(payload: bytes).payload
        } else {
            written = try InspectorEvent.decode(type: type, schemaVersion: 1, payload: bytes)
                .payload
        }
        #expect(
            CanonicalJSON.encode(written) == bytes, "\(type): the example is not the module's form")
    }

    @Test func writtenEventsReadBackEqualAndGoToTheSampleFile() throws {
        var lines = ""
        for (type, payload) in Self.samples() {
            let bytes = CanonicalJSON.encode(payload)
            if type == ControlRecord.type {
                #expect(try ControlRecord(payload: bytes).payload == payload)
            } else {
                #expect(
                    try InspectorEvent.decode(type: type, schemaVersion: 1, payload: bytes).payload
                        == payload)
            }
            let line: JSONValue = ["type": .string(type), "schemaVersion": 1, "payload": payload]
            lines += String(decoding: CanonicalJSON.encode(line), as: UTF8.self) + "\n"
        }
        let url = Self.root.appendingPathComponent(".build/inspection-event-samples.jsonl")
        try Data(lines.utf8).write(to: url)
    }
}
