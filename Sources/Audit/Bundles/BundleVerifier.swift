import CanonicalJSON
import Ledger

/// Checks a history bundle offline with the instance's public key: the head's signature,
/// each event's hash, stream order and inclusion proof, that every event is of the subject's
/// BSD and that there are as many as the subject says the stream held, and optionally the
/// consistency of the bundle's head with an earlier head the auditor kept. Reports every
/// failure found.
public struct BundleVerifier {
    /// The outcome: how many events were checked and everything found wrong.
    public struct Report: Sendable {
        /// Events whose hash and proof were checked.
        public var eventsChecked = 0
        /// One line per failure, naming the event position or field; empty when all holds.
        public var problems: [String] = []
        /// The bundle's head, when it could be read.
        public var head: SignedTreeHead?
    }

    let key: VerifyingKey
    let earlierHead: SignedTreeHead?

    /// A verifier trusting `key`, also checking consistency with `earlierHead` when given.
    public init(key: VerifyingKey, earlierHead: SignedTreeHead? = nil) {
        self.key = key
        self.earlierHead = earlierHead
    }

    /// Verifies the bundle in `bytes`.
    public func verify(_ bytes: [UInt8]) -> Report {
        var report = Report()
        let bundle: JSONValue
        do {
            bundle = try CanonicalJSON.decode(JSONValue.self, from: bytes)
        } catch {
            report.problems.append("bundle is not JSON: \(error)")
            return report
        }
        guard bundle["format"]?.stringValue == HistoryBundle.format else {
            report.problems.append("format is not \(HistoryBundle.format)")
            return report
        }
        let head: SignedTreeHead
        do {
            head = try SignedTreeHead(json: bundle["treeHead"] ?? .null)
        } catch {
            report.problems.append("treeHead: \(error)")
            return report
        }
        report.head = head
        if let problem = head.problem(with: key) { report.problems.append(problem) }
        var subject: BundleSubject?
        do {
            subject = try BundleSubject(bundle["subject"])
        } catch {
            report.problems.append("subject \(error.reason)")
        }
        checkEvents(bundle, head: head, subject: subject, &report)
        if let earlierHead { checkConsistency(bundle, head: head, earlierHead, &report) }
        return report
    }

    private func checkEvents(
        _ bundle: JSONValue, head: SignedTreeHead, subject: BundleSubject?,
        _ report: inout Report
    ) {
        guard case .array(let events)? = bundle["events"], !events.isEmpty else {
            report.problems.append("events is missing or empty")
            return
        }
        var lastPosition: UInt64 = 0
        for (index, event) in events.enumerated() {
            let fields: BundleEvent
            do {
                fields = try BundleEvent(event)
            } catch {
                report.problems.append("event \(index): \(error.reason)")
                continue
            }
            let name = "event \(index) (position \(fields.position))"
            for problem in fields.problems(head: head, subject: subject, version: UInt64(index)) {
                report.problems.append("\(name): \(problem)")
            }
            if fields.position <= lastPosition {
                report.problems.append("\(name): not after position \(lastPosition)")
            }
            lastPosition = fields.position
            report.eventsChecked += 1
        }
        if let subject, events.count != subject.streamLength {
            report.problems.append(
                "the bundle holds \(events.count) events but the subject says the stream held"
                    + " \(subject.streamLength) at the tree head"
                    + (events.count < subject.streamLength ? ": events cut from the end" : ""))
        }
    }

    private func checkConsistency(
        _ bundle: JSONValue, head: SignedTreeHead, _ earlier: SignedTreeHead,
        _ report: inout Report
    ) {
        if let problem = earlier.problem(with: key) {
            report.problems.append("earlier \(problem)")
            return
        }
        guard earlier.size != head.size else {
            if earlier.rootHash != head.rootHash {
                report.problems.append("earlier head of the same size has another root")
            }
            return
        }
        guard let consistency = bundle["consistency"],
            consistency["fromSize"]?.intValue == Int64(earlier.size),
            case .array(let items)? = consistency["proof"]
        else {
            report.problems.append(
                "bundle carries no consistency proof from size \(earlier.size)")
            return
        }
        let path = items.compactMap { $0.stringValue.flatMap { Hex.decode($0, count: 32) } }
        guard path.count == items.count,
            MerkleVerification.isConsistent(
                oldSize: earlier.size, oldRoot: earlier.rootHash, newSize: head.size,
                newRoot: head.rootHash, path: path.map(Hash.init(bytes:)))
        else {
            report.problems.append(
                "the log was rewritten: the head of size \(head.size) is not consistent"
                    + " with the earlier head of size \(earlier.size)")
            return
        }
    }
}
