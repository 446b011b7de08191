import CanonicalJSON
import Ledger

/// A signed statement that the ledger's Merkle tree had `size` leaves and root `rootHash`
/// at `time`. In JSON: `{"keyId","rootHash","signature","size","time"}`, hashes and
/// signature in hexadecimal, time as `yyyy-MM-ddTHH:mm:ss.ffffffZ`.
///
/// The signature is Ed25519 over these UTF-8 lines, each ending in a line feed:
/// `bsd-ledger tree head v1`, `size <decimal>`, `root <hex>`, `time <text>`, `key <keyId>`.
public struct SignedTreeHead: Sendable, Equatable {
    /// Events covered: positions 1 through `size`.
    public var size: UInt64
    /// The Merkle root over them.
    public var rootHash: Hash
    /// When it was signed, as `yyyy-MM-ddTHH:mm:ss.ffffffZ` (UTC).
    public var time: String
    /// The id of the signing key.
    public var keyId: String
    /// The 64-byte Ed25519 signature of ``message``.
    public var signature: [UInt8]

    /// Signs the tree head `head` with `key` at `time`.
    public init(signing head: MerkleTreeHead, at time: Int64, with key: SigningKey) {
        size = head.size
        rootHash = head.rootHash
        self.time = Timestamp.format(time)
        keyId = key.verifyingKey.keyId
        signature = []
        signature = key.sign(message)
    }

    init(size: UInt64, rootHash: Hash, time: String, keyId: String, signature: [UInt8]) {
        self.size = size
        self.rootHash = rootHash
        self.time = time
        self.keyId = keyId
        self.signature = signature
    }

    /// The bytes the signature covers.
    public var message: [UInt8] {
        let text =
            "bsd-ledger tree head v1\nsize \(size)\nroot \(rootHash)\n"
            + "time \(time)\nkey \(keyId)\n"
        return Array(text.utf8)
    }

    /// What is wrong with the head as signed by `key`, or nil when its signature holds.
    public func problem(with key: VerifyingKey) -> String? {
        guard keyId == key.keyId else {
            return "tree head was signed by key \(keyId), not by key \(key.keyId)"
        }
        guard key.isValid(signature, of: message) else {
            return "tree head signature does not verify (size \(size))"
        }
        return nil
    }

    /// The head as a JSON object.
    public var json: JSONValue {
        .object([
            "size": .int(Int64(size)), "rootHash": .string(rootHash.description),
            "time": .string(time), "keyId": .string(keyId),
            "signature": .string(Hex.encode(signature)),
        ])
    }

    /// The head's canonical JSON bytes.
    public var jsonBytes: [UInt8] { CanonicalJSON.encode(json) }

    /// Reads a head from its JSON object.
    /// - Throws: ``AuditError/malformed(what:reason:)`` naming the field at fault.
    public init(json value: JSONValue) throws(AuditError) {
        func field(_ name: String) throws(AuditError) -> String {
            guard let text = value[name]?.stringValue else {
                throw .malformed(what: "tree head", reason: "\(name) is missing or not a string")
            }
            return text
        }
        guard let size = value["size"]?.intValue, size >= 0 else {
            throw .malformed(what: "tree head", reason: "size is missing or not an integer ≥ 0")
        }
        guard let root = Hex.decode(try field("rootHash"), count: 32) else {
            throw .malformed(what: "tree head", reason: "rootHash is not 64 hex digits")
        }
        let time = try field("time")
        guard time.utf8.count == 27, time.hasSuffix("Z"), !time.contains("\n") else {
            throw .malformed(what: "tree head", reason: "time is not yyyy-MM-ddTHH:mm:ss.ffffffZ")
        }
        guard let signature = Hex.decode(try field("signature"), count: 64) else {
            throw .malformed(what: "tree head", reason: "signature is not 128 hex digits")
        }
        self.init(
            size: UInt64(size), rootHash: Hash(bytes: root), time: time,
            keyId: try field("keyId"), signature: signature)
    }

    /// Reads a head from JSON text.
    public init(jsonText bytes: [UInt8]) throws(AuditError) {
        let value: JSONValue
        do {
            value = try CanonicalJSON.decode(JSONValue.self, from: bytes)
        } catch {
            throw .malformed(what: "tree head", reason: "not JSON: \(error)")
        }
        try self.init(json: value)
    }
}
