import CSodium
import Ledger
import Logging

/// The instance's key sealing webhook credentials (the `whsec_` secret and the receiver's
/// bearer token) at rest: 32 random bytes kept in `webhook-secrets.key` in the data folder,
/// mode 0600 (``PrivateFile``). Values are sealed with libsodium's `crypto_secretbox_easy`
/// (XSalsa20-Poly1305) under a fresh random nonce each.
public struct SealingKey: Sendable {
    /// The file's name in the data folder.
    public static let fileName = "webhook-secrets.key"
    private static let header = "bsd-ledger-webhook-secrets-key/1"
    private static let started: Bool = sodium_init() >= 0

    private let bytes: [UInt8]
    /// Where the key was read from, for error messages; empty for a key made in memory.
    public let path: String
    /// A short id of the key, stored next to each sealed value: the first 8 bytes of
    /// SHA-256 over a label and the key, in hexadecimal (it tells nothing of the key).
    public let keyId: String

    /// The key of `bytes` (32), read from `path`.
    init(bytes: [UInt8], path: String) {
        precondition(bytes.count == 32, "a sealing key is 32 bytes")
        self.bytes = bytes
        self.path = path
        let label = Array("bsd-ledger webhook sealing key id".utf8)
        keyId = Hex.encode(Array(Hash.sha256(label, bytes).bytes.prefix(8)))
    }

    /// A fresh key from libsodium's random source, kept in memory only (tests).
    public static func generate() -> SealingKey {
        SealingKey(bytes: randomBytes(32), path: "")
    }

    /// Seals `text` under a fresh nonce.
    public func seal(_ text: String) -> SealedValue {
        let message = Array(text.utf8)
        var box = Self.randomBytes(crypto_secretbox_noncebytes())
        var cipher = [UInt8](repeating: 0, count: message.count + crypto_secretbox_macbytes())
        let code = crypto_secretbox_easy(&cipher, message, UInt64(message.count), box, bytes)
        precondition(code == 0, "crypto_secretbox_easy failed")
        box += cipher
        return SealedValue(box: box, keyId: keyId)
    }

    /// The text `sealed` stands for.
    /// - Throws: ``WebhookError/sealingKey(path:reason:)`` when it was sealed under another
    ///   key or does not open (altered); the message names the key file, never the value.
    public func open(_ sealed: SealedValue) throws(WebhookError) -> String {
        guard sealed.keyId == keyId else {
            throw .sealingKey(
                path: path,
                reason: "a value was sealed under key \(sealed.keyId), this file holds key \(keyId)"
            )
        }
        let nonceCount = crypto_secretbox_noncebytes()
        let macCount = crypto_secretbox_macbytes()
        guard sealed.box.count >= nonceCount + macCount else {
            throw .sealingKey(path: path, reason: "a sealed value is too short")
        }
        let nonce = Array(sealed.box.prefix(nonceCount))
        let cipher = Array(sealed.box.dropFirst(nonceCount))
        var message = [UInt8](repeating: 0, count: cipher.count - macCount)
        let code = crypto_secretbox_open_easy(
            &message, cipher, UInt64(cipher.count), nonce, bytes)
        guard code == 0 else {
            throw .sealingKey(path: path, reason: "a value sealed under key \(keyId) does not open")
        }
        return String(decoding: message, as: UTF8.self)
    }

    /// Loads the key of data folder `folder`, or nil when the folder has none; never writes.
    /// - Throws: ``WebhookError/sealingKey(path:reason:)`` for an unreadable or malformed file.
    public static func load(in folder: String, logger: Logger) throws(WebhookError) -> SealingKey? {
        let path = folder + "/" + fileName
        let read = try file { () throws(PrivateFileError) in try PrivateFile.read(path) }
        guard let text = read else { return nil }
        if try file({ () throws(PrivateFileError) in try PrivateFile.isShared(path) }) {
            logger.warning(
                "Webhook sealing key readable by others; run chmod 600",
                metadata: ["webhook.key.path": path])
        }
        return try parse(text, path: path)
    }

    /// Creates the key of data folder `folder`; when another process made it first, loads
    /// that one.
    /// - Throws: ``WebhookError/sealingKey(path:reason:)``.
    public static func create(in folder: String, logger: Logger) throws(WebhookError) -> SealingKey
    {
        let path = folder + "/" + fileName
        let key = SealingKey(bytes: randomBytes(32), path: path)
        let text = "\(header)\nkey=\(Hex.encode(key.bytes))\n"
        if try file({ () throws(PrivateFileError) in try PrivateFile.create(path, contents: text) })
        {
            logger.info(
                "Webhook sealing key created",
                metadata: ["webhook.key.path": path, "webhook.key.id": key.keyId])
            return key
        }
        guard let existing = try load(in: folder, logger: logger) else {
            throw .sealingKey(path: path, reason: "vanished while it was being created")
        }
        return existing
    }

    private static func parse(_ text: String, path: String) throws(WebhookError) -> SealingKey {
        let lines = text.split(separator: "\n")
        guard lines.count == 2, lines[0] == header, lines[1].hasPrefix("key="),
            let bytes = Hex.decode(lines[1].dropFirst(4), count: 32)
        else { throw .sealingKey(path: path, reason: "not a webhook sealing key file") }
        return SealingKey(bytes: bytes, path: path)
    }

    private static func file<T>(
        _ body: () throws(PrivateFileError) -> T
    ) throws(WebhookError) -> T {
        do {
            return try body()
        } catch {
            throw .sealingKey(path: error.path, reason: "\(error.operation): \(error.reason)")
        }
    }

    private static func randomBytes(_ count: Int) -> [UInt8] {
        precondition(started, "libsodium could not be initialised (no entropy source?)")
        var bytes = [UInt8](repeating: 0, count: count)
        randombytes_buf(&bytes, count)
        return bytes
    }
}
