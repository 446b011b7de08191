import Audit
import CanonicalJSON
import Foundation
import Ledger
import Logging

/// A temporary data folder with a ledger and its tree heads; removed at the end.
final class AuditFixture {
    let path: String
    let ledger: Ledger
    let heads: TreeHeads

    /// Opens a fresh folder; `key` (a key file's text) is written first when given.
    init(keyFile: String? = nil, policy: TreeHeads.Policy = TreeHeads.Policy()) throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("bsd-ledger-audit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        if let keyFile {
            try keyFile.write(
                toFile: path + "/" + SigningKey.fileName, atomically: true, encoding: .utf8)
        }
        ledger = try Ledger(path: path)
        heads = try TreeHeads(
            ledger: ledger, folder: path, policy: policy,
            logger: Logger.discarding(label: "test"))
    }

    deinit {
        ledger.close()
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Appends `count` events to `stream`, one commit each, with payload values from `first`.
    func append(_ count: Int, to stream: String, first: Int = 0) throws {
        for value in first..<first + count {
            let event = NewEvent(
                id: .random(), type: "SampleRecorded",
                payload: Array("{\"value\":\(value)}".utf8))
            _ = try ledger.appendWaiting([event], to: stream, expected: .any)
        }
    }

    /// The readable id of BSD `formId` in these tests.
    static func readableId(_ formId: String) -> String { "TD-26-\(formId.uppercased())00001" }

    /// Appends the creating event of BSD `formId` to `form-<formId>`: its payload names the
    /// readable id, as a real one does.
    func create(_ formId: String) throws {
        let payload = "{\"formId\":\"\(formId)\",\"readableId\":\"\(Self.readableId(formId))\"}"
        let event = NewEvent(id: .random(), type: "FormCreated", payload: Array(payload.utf8))
        _ = try ledger.appendWaiting([event], to: "form-" + formId, expected: .noStream)
    }

    /// The bundle of BSD `formId` as bytes.
    func bundle(_ formId: String, sinceSize: UInt64? = nil) throws -> [UInt8] {
        let subject = HistoryBundle.Subject(formId: formId, readableId: Self.readableId(formId))
        let value = try HistoryBundle.make(
            subject, ledger: ledger, heads: heads, sinceSize: sinceSize)
        return CanonicalJSON.encode(value)
    }

    /// The key file's text.
    var keyFileText: String {
        get throws { try String(contentsOfFile: path + "/" + SigningKey.fileName, encoding: .utf8) }
    }
}

/// Editing a bundle's JSON in tests.
enum BundleEdit {
    static func decode(_ bytes: [UInt8]) throws -> [String: JSONValue] {
        guard case .object(let members) = try CanonicalJSON.decode(JSONValue.self, from: bytes)
        else { throw CocoaError(.coderInvalidValue) }
        return members
    }

    static func events(_ bundle: [String: JSONValue]) -> [JSONValue] {
        guard case .array(let events)? = bundle["events"] else { return [] }
        return events
    }

    static func with(
        _ bytes: [UInt8], _ change: (inout [String: JSONValue]) -> Void
    ) throws -> [UInt8] {
        var bundle = try decode(bytes)
        change(&bundle)
        return CanonicalJSON.encode(JSONValue.object(bundle))
    }
}
