import CanonicalJSON
import Ledger

/// A self-contained proof of one stream's history (one BSD): its events as stored, each
/// with the inclusion proof against one signed tree head, and that head. Format (JSON):
///
/// ```
/// {"format":"bsd-ledger-history-bundle/1",
///  "subject":{"formId":"…","readableId":"…","stream":"form-…"},
///  "treeHead":{…SignedTreeHead…},
///  "events":[{"position":7,"envelope":"<canonical envelope JSON, as a string>",
///             "previousHash":"<hex>","hash":"<hex>","inclusionProof":["<hex>",…]},…],
///  "consistency":{"fromSize":5,"proof":["<hex>",…]}}      (only when asked for)
/// ```
public enum HistoryBundle {
    /// The value of `format`.
    public static let format = "bsd-ledger-history-bundle/1"

    /// What the bundle is about.
    public struct Subject: Sendable {
        /// The BSD's id.
        public var formId: String
        /// The BSD's readable id.
        public var readableId: String
        /// The ledger stream holding its events.
        public var stream: String

        /// Names a BSD and its stream.
        public init(formId: String, readableId: String, stream: String) {
            self.formId = formId
            self.readableId = readableId
            self.stream = stream
        }
    }

    /// Builds the bundle of `subject` against the latest signed head (signing one now when
    /// the latest does not cover the stream's last event), with a consistency proof from
    /// tree size `sinceSize` when given.
    /// - Throws: ``AuditError/ledger(_:)``; ``LedgerError/outsideTree(requested:available:)``
    ///   inside it when `sinceSize` is past the head.
    public static func make(
        _ subject: Subject, ledger: Ledger, heads: TreeHeads, sinceSize: UInt64? = nil
    ) throws(AuditError) -> JSONValue {
        do {
            let positions = try ledger.readStream(subject.stream).map(\.position)
            var head = try heads.latest()
            if head == nil || head!.size < (positions.last ?? 0) {
                head = try heads.signCurrent()
            }
            let signed = head!
            var events: [JSONValue] = []
            for position in positions {
                events.append(try event(at: position, treeSize: signed.size, ledger))
            }
            var bundle: [String: JSONValue] = [
                "format": .string(format), "treeHead": signed.json, "events": .array(events),
                "subject": .object([
                    "formId": .string(subject.formId), "readableId": .string(subject.readableId),
                    "stream": .string(subject.stream),
                ]),
            ]
            if let sinceSize {
                let proof = try ledger.consistencyProof(from: sinceSize, to: signed.size)
                bundle["consistency"] = .object([
                    "fromSize": .int(Int64(sinceSize)), "proof": hexList(proof.path),
                ])
            }
            return .object(bundle)
        } catch let error as AuditError {
            throw error
        } catch let error as LedgerError {
            throw .ledger(error)
        } catch {
            preconditionFailure("only audit and ledger errors are thrown here: \(error)")
        }
    }

    private static func event(
        at position: UInt64, treeSize: UInt64, _ ledger: Ledger
    ) throws(LedgerError) -> JSONValue {
        var stored: (envelope: String, previous: String, hash: String)?
        try ledger.scan(after: position - 1, limit: 1) { view in
            stored = (
                String(decoding: view.envelope, as: UTF8.self),
                Hex.encode(Array(view.previousHashBytes)), Hex.encode(Array(view.hashBytes))
            )
            return false
        }
        guard let stored else {
            throw .corruptRecord(position: position, reason: "indexed event missing from the log")
        }
        let proof = try ledger.inclusionProof(position: position, treeSize: treeSize)
        return .object([
            "position": .int(Int64(position)), "envelope": .string(stored.envelope),
            "previousHash": .string(stored.previous), "hash": .string(stored.hash),
            "inclusionProof": hexList(proof.path),
        ])
    }

    private static func hexList(_ hashes: [Hash]) -> JSONValue {
        .array(hashes.map { .string($0.description) })
    }
}
