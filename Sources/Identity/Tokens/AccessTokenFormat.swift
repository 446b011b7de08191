import Ledger

/// Personal access tokens: 40 characters from the URL-safe base64 alphabet (240 random bits),
/// stored only as a BLAKE2b hash keyed with the instance's token-hash key.
enum AccessTokenFormat {
    /// The token length.
    static let length = 40
    private static let alphabet = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// A fresh token. 64 symbols divide 256, so masking a random byte is unbiased.
    static func generate() -> String {
        let symbols = Sodium.randomBytes(length).map { alphabet[Int($0 & 63)] }
        return String(decoding: symbols, as: UTF8.self)
    }

    /// Whether `text` has the shape of a token (it may still be unknown).
    static func matches(_ text: String) -> Bool {
        text.utf8.count == length && text.utf8.allSatisfy { alphabet.contains($0) }
    }

    /// The hex keyed hash under which the token is stored.
    static func hash(_ token: String, key: [UInt8]) -> String {
        Hex.encode(Sodium.keyedHash(Array(token.utf8), key: key))
    }
}
