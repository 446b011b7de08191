import CanonicalJSON
import Ledger

/// One event of a history bundle, read from its JSON object.
struct BundleEvent {
    /// A field missing or unreadable.
    struct FieldError: Error {
        var reason: String
    }

    var position: UInt64
    var envelope: [UInt8]
    var previousHash: Hash
    var hash: Hash
    var proof: [Hash]

    init(_ value: JSONValue) throws(FieldError) {
        guard let position = value["position"]?.intValue, position >= 1 else {
            throw FieldError(reason: "position is missing or not a positive integer")
        }
        guard let envelope = value["envelope"]?.stringValue else {
            throw FieldError(reason: "envelope is missing or not a string")
        }
        guard case .array(let items)? = value["inclusionProof"] else {
            throw FieldError(reason: "inclusionProof is missing or not an array")
        }
        let proof = items.compactMap { $0.stringValue.flatMap { Hex.decode($0, count: 32) } }
        guard proof.count == items.count else {
            throw FieldError(reason: "inclusionProof holds something else than 64 hex digits")
        }
        self.position = UInt64(position)
        self.envelope = Array(envelope.utf8)
        previousHash = try Self.hash(value, "previousHash")
        hash = try Self.hash(value, "hash")
        self.proof = proof.map(Hash.init(bytes:))
    }

    private static func hash(_ value: JSONValue, _ name: String) throws(FieldError) -> Hash {
        guard let text = value[name]?.stringValue, let bytes = Hex.decode(text, count: 32) else {
            throw FieldError(reason: "\(name) is missing or not 64 hex digits")
        }
        return Hash(bytes: bytes)
    }

    /// What is wrong with this event as the `version`-th of `stream` under `head`.
    func problems(head: SignedTreeHead, stream: JSONValue?, version: UInt64) -> [String] {
        var problems: [String] = []
        if Hash.sha256(previousHash.bytes, envelope) != hash {
            problems.append("hash does not match SHA-256(previousHash ‖ envelope): content altered")
        }
        if let decoded = try? CanonicalJSON.decode(JSONValue.self, from: envelope) {
            if decoded["position"]?.intValue != Int64(position) {
                problems.append("envelope says another position")
            }
            if let stream, decoded["streamId"] != stream {
                problems.append("envelope belongs to another stream")
            }
            if decoded["streamVersion"]?.intValue != Int64(version) {
                problems.append(
                    "stream version \(decoded["streamVersion"]?.intValue ?? -1), expected"
                        + " \(version): an event is missing or out of order")
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
