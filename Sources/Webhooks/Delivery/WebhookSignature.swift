import CSodium

/// Standard Webhooks signing: `whsec_` secrets and `v1` HMAC-SHA256 signatures over
/// `id.timestamp.body`, through libsodium.
public enum WebhookSignature {
    /// A new secret: `whsec_` and the standard base64 of 32 random bytes.
    public static func makeSecret() -> String {
        _ = sodium_init()
        var bytes = [UInt8](repeating: 0, count: 32)
        randombytes_buf(&bytes, bytes.count)
        return "whsec_" + base64(bytes)
    }

    /// The HMAC key a secret stands for (its base64 part decoded), or nil when malformed.
    public static func key(secret: String) -> [UInt8]? {
        guard secret.hasPrefix("whsec_"), let key = bytes(base64: String(secret.dropFirst(6))),
            !key.isEmpty
        else { return nil }
        return key
    }

    /// The bytes of standard base64 `text` (with padding), or nil when malformed.
    static func bytes(base64 text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        var bytes = [UInt8](repeating: 0, count: characters.count)
        var length = 0
        let code = sodium_base642bin(
            &bytes, bytes.count, characters.map { CChar(bitPattern: $0) }, characters.count, nil,
            &length, nil, sodium_base64_VARIANT_ORIGINAL)
        guard code == 0 else { return nil }
        return Array(bytes.prefix(length))
    }

    /// The `webhook-signature` value: `v1,` and the base64 HMAC-SHA256 under `key` of the
    /// message id, a dot, the timestamp in decimal, a dot and the exact body bytes.
    public static func sign(key: [UInt8], id: String, timestamp: Int64, body: [UInt8]) -> String {
        var state = crypto_auth_hmacsha256_state()
        crypto_auth_hmacsha256_init(&state, key, key.count)
        let prefix = Array("\(id).\(timestamp).".utf8)
        crypto_auth_hmacsha256_update(&state, prefix, UInt64(prefix.count))
        crypto_auth_hmacsha256_update(&state, body, UInt64(body.count))
        var mac = [UInt8](repeating: 0, count: Int(crypto_auth_hmacsha256_BYTES))
        crypto_auth_hmacsha256_final(&state, &mac)
        return "v1," + base64(mac)
    }

    /// Standard base64 with padding.
    static func base64(_ bytes: [UInt8]) -> String {
        let variant = sodium_base64_VARIANT_ORIGINAL
        let size = sodium_base64_encoded_len(bytes.count, variant)
        var text = [CChar](repeating: 0, count: size)
        sodium_bin2base64(&text, size, bytes, bytes.count, variant)
        return String(
            decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
