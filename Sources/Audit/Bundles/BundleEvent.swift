import CanonicalJSON
import Ledger

/// One event of a history bundle, read from its JSON object.
struct BundleEvent {
    var position: UInt64
    var envelope: [UInt8]
    var previousHash: Hash
    var hash: Hash
    var proof: [Hash]

    init(_ value: JSONValue) throws(BundleFieldError) {
        guard let position = value["position"]?.intValue, position >= 1 else {
            throw BundleFieldError(reason: "position is missing or not a positive integer")
        }
        guard let envelope = value["envelope"]?.stringValue else {
            throw BundleFieldError(reason: "envelope is missing or not a string")
        }
        guard case .array(let items)? = value["inclusionProof"] else {
            throw BundleFieldError(reason: "inclusionProof is missing or not an array")
        }
        let proof = items.compactMap { $0.stringValue.flatMap { Hex.decode($0, count: 32) } }
        guard proof.count == items.count else {
            throw BundleFieldError(reason: "inclusionProof holds something else than 64 hex digits")
        }
        self.position = UInt64(position)
        self.envelope = Array(envelope.utf8)
        previousHash = try Self.hash(value, "previousHash")
        hash = try Self.hash(value, "hash")
        self.proof = proof.map(Hash.init(bytes:))
    }

    /// What in `envelope` contradicts `subject`: its stream, and for the `creating` event
    /// (stream version 0) the readable id its payload names.
    private static func subjectProblems(
        _ envelope: JSONValue, _ subject: BundleSubject, creating: Bool
    ) -> [String] {
        var problems: [String] = []
        let stream = envelope["streamId"]?.stringValue
        if stream != subject.stream {
            problems.append(
                "envelope belongs to stream \(stream ?? "(none)"), not to the subject's"
                    + " \(subject.stream)")
        }
        let readableId = envelope["payload"]?["readableId"]?.stringValue
        if creating && readableId != subject.readableId {
            problems.append(
                "the creating event names readable id \(readableId ?? "(none)"), not the"
                    + " subject's \(subject.readableId)")
        }
        return problems
    }

    private static func hash(_ value: JSONValue, _ name: String) throws(BundleFieldError) -> Hash {
        guard let text = value[name]?.stringValue, let bytes = Hex.decode(text, count: 32) else {
            throw BundleFieldError(reason: "\(name) is missing or not 64 hex digits")
        }
        return Hash(bytes: bytes)
    }

    /// What is wrong with this event as the `version`-th of the subject's stream under
    /// `head`; the subject's checks are left out when it is nil (unreadable, reported apart).
    func problems(head: SignedTreeHead, subject: BundleSubject?, version: UInt64) -> [String] {
        var problems: [String] = []
        if Hash.sha256(previousHash.bytes, envelope) != hash {
            problems.append("hash does not match SHA-256(previousHash ‖ envelope): content altered")
        }
        if let decoded = try? CanonicalJSON.decode(JSONValue.self, from: envelope) {
            if decoded["position"]?.intValue != Int64(position) {
                problems.append("envelope says another position")
            }
            let streamVersion = decoded["streamVersion"]?.intValue
            if streamVersion != Int64(version) {
                problems.append(
                    "stream version \(streamVersion ?? -1), expected \(version): an event is"
                        + " missing or out of order")
            }
            if let subject {
                problems += Self.subjectProblems(decoded, subject, creating: streamVersion == 0)
            }
        } else {
            problems.append("envelope is not JSON")
        }
        let root = MerkleVerification.root(
            leaf: MerkleVerification.leafHash(chainHash: hash), index: position - 1,
            size: head.size, path: proof)
        if root != head.rootHash {
            problems.append("inclusion proof does not lead to the tree head's root")
        }
        return problems
    }
}
