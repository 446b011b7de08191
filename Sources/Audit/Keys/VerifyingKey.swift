import CanonicalJSON
import Ledger

/// The public half of an instance's tree-head key, as published at
/// `/.well-known/bsd-ledger-key` and printed by `bsd-ledger key`:
/// `{"algorithm":"Ed25519","keyId":"…","publicKey":"<64 hex>"}`.
public struct VerifyingKey: Sendable, Equatable {
    /// The 32-byte Ed25519 public key.
    public let bytes: [UInt8]

    /// Wraps a 32-byte public key.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    /// The key's id: the first 8 bytes of SHA-256(public key), in hexadecimal.
    public var keyId: String { Hex.encode(Array(Hash.sha256(bytes).bytes.prefix(8))) }

    /// Whether `signature` signs `message` with this key.
    public func isValid(_ signature: [UInt8], of message: [UInt8]) -> Bool {
        Ed25519.isValid(signature, of: message, by: bytes)
    }

    /// The published JSON object.
    public var json: JSONValue {
        .object(["algorithm": "Ed25519", "keyId": .string(keyId), "publicKey": .string(hex)])
    }

    /// The public key in hexadecimal.
    public var hex: String { Hex.encode(bytes) }

    /// Reads a key given as the published JSON object or as bare hexadecimal.
    /// - Throws: ``AuditError/malformed(what:reason:)`` for anything else.
    public static func parse(_ text: String) throws(AuditError) -> VerifyingKey {
        let trimmed = text.filter { !$0.isWhitespace }
        if let bytes = Hex.decode(trimmed, count: 32), let key = VerifyingKey(bytes: bytes) {
            return key
        }
        let value: JSONValue
        do {
            value = try CanonicalJSON.decode(JSONValue.self, from: Array(text.utf8))
        } catch {
            throw .malformed(what: "key", reason: "neither 64 hex digits nor JSON: \(error)")
        }
        guard value["algorithm"]?.stringValue == "Ed25519" else {
            throw .malformed(what: "key", reason: "algorithm is not Ed25519")
        }
        guard let hex = value["publicKey"]?.stringValue, let bytes = Hex.decode(hex, count: 32),
            let key = VerifyingKey(bytes: bytes)
        else { throw .malformed(what: "key", reason: "publicKey is not 64 hex digits") }
        if let id = value["keyId"]?.stringValue, id != key.keyId {
            throw .malformed(what: "key", reason: "keyId \(id) is not the id of publicKey")
        }
        return key
    }
}
