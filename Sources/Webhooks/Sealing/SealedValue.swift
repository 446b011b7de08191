import CanonicalJSON

/// A webhook credential sealed by a ``SealingKey``: the 24-byte nonce followed by the
/// XSalsa20-Poly1305 ciphertext, and the id of the key. Stored as
/// `{"sealed": "<standard base64 of nonce ‖ ciphertext>", "keyId": "<16 hex>"}`.
public struct SealedValue: Equatable, Sendable {
    /// Nonce ‖ ciphertext (with its 16-byte tag).
    public var box: [UInt8]
    /// The id of the key that sealed it.
    public var keyId: String

    /// Wraps a sealed box.
    public init(box: [UInt8], keyId: String) {
        self.box = box
        self.keyId = keyId
    }

    /// The stored JSON object.
    public var json: JSONValue {
        ["sealed": .string(WebhookSignature.base64(box)), "keyId": .string(keyId)]
    }

    /// Reads the stored JSON object; nil for anything else.
    public init?(json: JSONValue) {
        guard case .object(let members) = json, members.count == 2,
            let text = members["sealed"]?.stringValue,
            let box = WebhookSignature.bytes(base64: text), !box.isEmpty,
            let keyId = members["keyId"]?.stringValue
        else { return nil }
        self.init(box: box, keyId: keyId)
    }
}
