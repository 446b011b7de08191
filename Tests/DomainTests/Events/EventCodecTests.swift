import CanonicalJSON
import Domain
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every event the scenarios produce encodes canonically, decodes back equal, and is written
/// to `.build/event-samples.jsonl` for the Python catalogue test.
@Suite struct EventCodecTests {
    static func allScenarioEvents() throws -> [DomainEvent] {
        var events: [DomainEvent] = []
        events += try Scenarios.direct().0.log
        events += try Scenarios.plannedTemporaryStorage().0.log
        events += try Scenarios.unplannedTemporaryStorage().0.log
        events += try Scenarios.multimodal().0.log
        events += try Scenarios.refusal().0.log
        events += try Scenarios.partialRefusal().0.log
        events += try Scenarios.cancellation().0.log
        events += try Scenarios.draftEditing().0.log
        events += try Scenarios.appendix2().0.log
        events += try Scenarios.refusedRegroupement().0.log
        events += try Scenarios.appendix1().0.log
        events += try Scenarios.paperImport().0.log
        return events
    }

    @Test func everyPayloadIsCanonicalAndDecodesBackEqual() throws {
        for event in try Self.allScenarioEvents() {
            let payload = event.payload
            try CanonicalJSON.validate(payload)
            let decoded = try DomainEvent.decode(
                type: event.type, schemaVersion: event.schemaVersion, payload: payload)
            #expect(decoded == event, "\(event.type)")
        }
    }

    @Test func scenariosProduceEveryEventType() throws {
        let types = Set(try Self.allScenarioEvents().map(\.type))
        #expect(types.count == 21, "missing: \(types.sorted())")
    }

    @Test func eventsGoToTheirStreams() throws {
        let (world, id) = try Scenarios.direct()
        #expect(world.log[0].stream == "readable-id-2026")
        #expect(world.log.dropFirst().allSatisfy { $0.stream == "form-" + id })
    }

    @Test func unknownTypeOrVersionIsRefused() {
        #expect(throws: EventDecodingError.unknownType(type: "FormSealed", schemaVersion: 2)) {
            try DomainEvent.decode(type: "FormSealed", schemaVersion: 2, payload: Array("{}".utf8))
        }
        #expect(throws: EventDecodingError.unknownType(type: "Nope", schemaVersion: 1)) {
            try DomainEvent.decode(type: "Nope", schemaVersion: 1, payload: Array("{}".utf8))
        }
    }

    @Test func payloadMissingAMemberIsRefusedNamingIt() throws {
        do {
            _ = try DomainEvent.decode(
                type: "FormSealed", schemaVersion: 1, payload: Array(#"{"at":1,"formId":"x"}"#.utf8)
            )
            Issue.record("decoding should fail")
        } catch .malformedPayload(let type, let error) {
            #expect(type == "FormSealed")
            #expect(error.reason == .missingKey)
            #expect(error.key == "actor")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// Writes `{"type":…,"schemaVersion":…,"payload":…}` lines for the Python catalogue test.
    @Test func writesEventSamplesForTheCatalogue() throws {
        var lines: [UInt8] = []
        for event in try Self.allScenarioEvents() {
            var writer = JSONWriter()
            writer.beginObject()
            writer.key("payload")
            writer.raw(event.payload)
            writer.key("schemaVersion")
            writer.int(Int64(event.schemaVersion))
            writer.key("type")
            writer.string(event.type)
            writer.endObject()
            lines += writer.bytes + [0x0A]
        }
        #expect(RepositoryFiles.write(lines, to: ".build/event-samples.jsonl"))
    }
}
