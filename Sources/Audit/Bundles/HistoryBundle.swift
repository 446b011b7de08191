import CanonicalJSON
import Domain
import Ledger

/// A self-contained proof of one stream's history (one BSD): its events as stored, each
/// with the inclusion proof against one signed tree head, and that head. Format (JSON):
///
/// ```
/// {"format":"bsd-ledger-history-bundle/2",
///  "subject":{"formId":"…","readableId":"…","stream":"form-…","streamLength":4},
///  "treeHead":{…SignedTreeHead…},
///  "events":[{"position":7,"envelope":"<canonical envelope JSON, as a string>",
///             "previousHash":"<hex>","hash":"<hex>","inclusionProof":["<hex>",…]},…],
///  "consistency":{"fromSize":5,"proof":["<hex>",…]}}      (only when asked for)
/// ```
///
/// The subject is not signed; verifiers tie it to what is: every event's envelope names the
/// stream `form-<formId>`, the creating event (stream version 0) names the readable id, and
/// `streamLength`, the number of the stream's events in the tree of the head's size, is
/// the number of events (an unsigned claim: it catches a bundle cut short, not a forger who
/// also edits it).
public enum HistoryBundle {
    /// The value of `format`.
    public static let format = "bsd-ledger-history-bundle/2"

    /// What the bundle is about.
    public struct Subject: Sendable {
        /// The BSD's id.
        public var formId: String
        /// The BSD's readable id.
        public var readableId: String
        /// The ledger stream holding its events (``FormState/streamId(formId:)``).
        public var stream: String { FormState.streamId(formId: formId) }

        /// Names a BSD.
        public init(formId: String, readableId: String) {
            self.formId = formId
            self.readableId = readableId
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
            // Read after the head is chosen, so the stream read holds every event of the
            // head's tree; then keep exactly those.
            var head = try heads.latest()
            var positions = try ledger.readStream(subject.stream).map(\.position)
            if head == nil || head!.size < (positions.last ?? 0) {
                head = try heads.signCurrent()
                positions = try ledger.readStream(subject.stream).map(\.position)
            }
            let signed = head!
            positions.removeAll { $0 > signed.size }
            var events: [JSONValue] = []
            for position in positions {
                events.append(try event(at: position, treeSize: signed.size, ledger))
            }
            var bundle: [String: JSONValue] = [
                "format": .string(format), "treeHead": signed.json, "events": .array(events),
                "subject": .object([
                    "formId": .string(subject.formId), "readableId": .string(subject.readableId),
                    "stream": .string(subject.stream),
                    "streamLength": .int(Int64(positions.count)),
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
