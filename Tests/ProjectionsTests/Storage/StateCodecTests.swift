import CanonicalJSON
import Domain
import Ledger
import Testing

@testable import Projections

/// The stored state is written and read straight through the JSON writer and reader; its
/// bytes must stay those of the tree form (``FormState/storageValue``), which defines them.
@Suite struct StateCodecTests {
    /// Every stored state of the active slot: its id and the JSON after the row number.
    static func storedStates(in world: ProjectionWorld) throws -> [(String, [UInt8])] {
        let database = world.ledger.database(FormDatabases.name("state", .a))!
        return try world.ledger.read { transaction throws(LedgerError) in
            var all: [(String, [UInt8])] = []
            try transaction.scan(database, from: [0]) { key, value throws(LedgerError) in
                all.append((String(decoding: key, as: UTF8.self), Array(value.dropFirst(8))))
                return true
            }
            return all
        }
    }

    @Test func storedStatesOfAWorkloadHaveTheBytesOfTheTreeForm() throws {
        let world = try ProjectionWorld()
        try world.generate(seed: 21, commands: 1_500)
        let stored = try Self.storedStates(in: world)
        #expect(stored.count > 100)
        var shapes = Set<FormStatus>()
        for (id, bytes) in stored {
            let tree = try CanonicalJSON.decode(JSONValue.self, from: bytes)
            let reference = try FormState(storageValue: tree)
            let pulled = try bytes.withUnsafeBytes { buffer in
                try FormState(storageBytes: buffer)
            }
            #expect(pulled == reference, "state \(id)")
            var writer = JSONWriter()
            pulled.encodeStorage(to: &writer)
            #expect(writer.bytes == CanonicalJSON.encode(reference.storageValue), "state \(id)")
            #expect(writer.bytes == bytes, "state \(id)")
            shapes.insert(pulled.status)
        }
        #expect(shapes.count >= 8, "the workload reaches many statuses: \(shapes)")
    }

    @Test func storedStateMissingARequiredMemberIsRefusedNamingIt() {
        let bytes = Array(
            #"{"content":{},"createdAt":1,"id":"f1","readableId":"TD-1","status":"DRAFT","updatedAt":2}"#
                .utf8)
        do {
            _ = try bytes.withUnsafeBytes { try FormState(storageBytes: $0) }
            Issue.record("decoding should fail")
        } catch let error as JSONError {
            #expect(error.reason == .missingKey)
            #expect(error.key == "createdBy")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func storedStateWithTrailingBytesIsRefused() throws {
        var writer = JSONWriter()
        FormState(id: "f1").encodeStorage(to: &writer)
        let bytes = writer.bytes + Array(" x".utf8)
        #expect(throws: JSONError.self) {
            _ = try bytes.withUnsafeBytes { try FormState(storageBytes: $0) }
        }
    }
}

extension StateCodecTests {
    @Test func statusLogEntriesOfAWorkloadHaveTheBytesOfTheTreeForm() throws {
        let world = try ProjectionWorld()
        try world.generate(seed: 22, commands: 600)
        let database = world.ledger.database(FormDatabases.name("lifecycle", .a))!
        let stored = try world.ledger.read { transaction throws(LedgerError) in
            var all: [[UInt8]] = []
            try transaction.scan(database, from: [0]) { _, value throws(LedgerError) in
                all.append(Array(value))
                return true
            }
            return all
        }
        #expect(stored.count > 100)
        for bytes in stored {
            let entry = try StatusLogEntry(
                jsonValue: try CanonicalJSON.decode(JSONValue.self, from: bytes))
            #expect(CanonicalJSON.encode(entry) == CanonicalJSON.encode(entry.jsonValue))
            #expect(CanonicalJSON.encode(entry) == bytes)
        }
    }

    @Test func statusLogEntryWithChangesHasTheBytesOfTheTreeForm() {
        let entry = StatusLogEntry(
            id: 7, formId: "f1", readableId: "TD-26-AAA00001", status: .sent, loggedAt: -3,
            updatedFields: [
                FieldChange(path: "transporters", from: nil, to: .array([.string("AB-1\n")])),
                FieldChange(path: "wasteDetails.quantity", from: .int(5), to: .null),
            ], userId: nil)
        #expect(CanonicalJSON.encode(entry) == CanonicalJSON.encode(entry.jsonValue))
    }
}
