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
        events += try Scenarios.upcycledSoil().0.log
        return events
    }

    /// A standalone transporter's life: created not ready, updated, deleted.
    static func standaloneTransporterEvents() throws -> [TransporterEvent] {
        var state = StandaloneTransporter(id: "t9")
        var transporter = Fixtures.transporter(Fixtures.secondTransporterSiret, mode: .rail)
        transporter.readyToTakeOver = false
        var events: [TransporterEvent] = []
        for command in [
            TransporterCommand.create(transporter),
            .update(Fixtures.transporter(Fixtures.secondTransporterSiret)), .delete,
        ] {
            let decided = try TransporterDecider.decide(
                command, state: state, actor: Fixtures.emitterActor, now: Fixtures.createdAt)
            for event in decided { state = state.evolve(event) }
            events += decided
        }
        return events
    }

    @Test func transporterPayloadsAreCanonicalAndDecodeBackEqual() throws {
        let events = try Self.standaloneTransporterEvents()
        #expect(
            events.map(\.type) == [
                "FormTransporterCreated", "FormTransporterUpdated", "FormTransporterDeleted",
            ])
        for event in events {
            try CanonicalJSON.validate(event.payload)
            let decoded = try TransporterEvent.decode(
                type: event.type, schemaVersion: event.schemaVersion, payload: event.payload)
            #expect(decoded == event)
            #expect(event.stream == "bsdd-transporter-t9")
        }
    }

    @Test func transporterWithoutIdOrReadinessKeepsItsFormerBytes() throws {
        let transporter = Fixtures.transporter(Fixtures.transporterSiret)
        let bytes = String(decoding: CanonicalJSON.encode(transporter.jsonValue), as: UTF8.self)
        #expect(!bytes.contains("\"id\""))
        #expect(!bytes.contains("readyToTakeOver"))
        var marked = transporter
        marked.id = "t1"
        marked.readyToTakeOver = false
        let markedBytes = String(decoding: CanonicalJSON.encode(marked.jsonValue), as: UTF8.self)
        #expect(markedBytes.contains(#""id":"t1""#))
        #expect(markedBytes.contains(#""readyToTakeOver":false"#))
        #expect(try Transporter(jsonValue: marked.jsonValue) == marked)
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
        for event in try Self.standaloneTransporterEvents() {
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

/// Payloads are decoded straight from their bytes; these cases pin down that the pull
/// decoders read what the tree decoders read, edge cases included.
@Suite struct PullDecodingTests {
    @Test func everyScenarioPayloadDecodesStraightAsThroughATree() throws {
        for event in try EventCodecTests.allScenarioEvents() {
            let payload = event.payload
            let pulled = try DomainEvent.decode(
                type: event.type, schemaVersion: 1, payload: payload)
            let tree = try CanonicalJSON.decode(JSONValue.self, from: payload)
            #expect(pulled.payload == CanonicalJSON.encode(tree), "\(event.type)")
            if case .formCreated(let created) = pulled {
                #expect(try FormCreated(jsonValue: tree) == created)
                #expect(
                    CanonicalJSON.encode(created.content) == CanonicalJSON.encode(tree["content"]!))
            }
        }
    }

    @Test func unknownMembersAreSkippedAndNullMeansAbsent() throws {
        let payload = Array(
            (#"{"actor":{"userId":"u1","x":[1,{"y":null}]},"at":5,"formId":"f1","#
                + #""reason":null,"status":"CANCELED","zz":true}"#).utf8)
        let event = try DomainEvent.decode(type: "FormCanceled", schemaVersion: 1, payload: payload)
        guard case .formCanceled(let changed) = event else {
            Issue.record("decoded \(event.type)")
            return
        }
        #expect(changed.header.actor == Actor(userId: "u1"))
        #expect(changed.header.at == Timestamp(microseconds: 5))
        #expect(changed.reason == nil)
        #expect(changed.status == .canceled)
    }

    @Test func nestedMemberMissingIsRefusedNamingIt() throws {
        let payload = Array(
            (#"{"actor":{"userId":"u1"},"at":5,"formId":"f1","signature":"#
                + #"{"takenOverAt":7,"takenOverBy":"Jo"},"leg":"INITIAL","status":"SENT"}"#).utf8)
        do {
            _ = try DomainEvent.decode(type: "TransportSigned", schemaVersion: 1, payload: payload)
            Issue.record("decoding should fail")
        } catch .malformedPayload(let type, let error) {
            #expect(type == "TransportSigned")
            #expect(error.reason == .missingKey)
            #expect(error.key == "number")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func unknownStatusIsAnInvalidValue() throws {
        let payload = Array(#"{"actor":{"userId":"u1"},"at":5,"formId":"f1","status":"NOPE"}"#.utf8)
        do {
            _ = try DomainEvent.decode(type: "FormSealed", schemaVersion: 1, payload: payload)
            Issue.record("decoding should fail")
        } catch .malformedPayload(_, let error) {
            #expect(error.reason == .invalidValue)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
