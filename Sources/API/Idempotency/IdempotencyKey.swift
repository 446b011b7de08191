/// The value of an `Idempotency-Key` request header: 1 to 255 printable ASCII characters
/// (space to tilde), which keeps a stored key well under LMDB's key limit with the user id.
struct IdempotencyKey: Equatable {
    /// The request header that carries the key.
    static let header = "Idempotency-Key"
    /// The response header added to a replayed answer.
    static let replayedHeader = "Idempotency-Replayed"
    /// The longest key, in characters (and bytes).
    static let maximumLength = 255

    /// The key as sent.
    let value: String

    /// The key in `text`, or nil when it is empty, too long, or holds other characters.
    init?(_ text: String) {
        let bytes = text.utf8
        guard (1...Self.maximumLength).contains(bytes.count),
            bytes.allSatisfy({ (0x20...0x7E).contains($0) })
        else { return nil }
        value = text
    }
}
