/// Unguessable text from libsodium's random source, for links and one-off secrets that other
/// modules hand out (the API's download links), so that only this module wraps libsodium.
public enum RandomToken {
    /// `byteCount` random bytes written as URL-safe base64 without padding: 43 characters,
    /// 256 bits, for the default 32.
    public static func make(byteCount: Int = 32) -> String {
        Sodium.base64URL(Sodium.randomBytes(byteCount))
    }
}
