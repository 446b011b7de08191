import Glibc
import Ledger
import Logging

/// The instance's Ed25519 tree-head key, made at first start from libsodium's random source
/// and kept in `tree-head.key` in the data folder (mode 0600). The file holds the 32-byte
/// seed in hexadecimal; the key pair is derived from it.
public struct SigningKey: Sendable {
    /// The file's name in the data folder.
    public static let fileName = "tree-head.key"
    private static let header = "bsd-ledger-tree-head-key/1"

    private let secretKey: [UInt8]
    /// The public half, to publish.
    public let verifyingKey: VerifyingKey

    /// The key pair of `seed` (32 bytes).
    public init(seed: [UInt8]) {
        let pair = Ed25519.keyPair(seed: seed)
        secretKey = pair.secretKey
        verifyingKey = VerifyingKey(bytes: pair.publicKey)!
    }

    /// The 64-byte signature of `message`.
    public func sign(_ message: [UInt8]) -> [UInt8] {
        Ed25519.sign(message, secretKey: secretKey)
    }

    /// Loads the key of data folder `folder`, or nil when the folder has none; never writes.
    /// - Throws: ``AuditError/keyFile(path:reason:)``.
    public static func load(in folder: String, logger: Logger) throws(AuditError) -> SigningKey? {
        let path = folder + "/" + fileName
        guard let text = try KeyFile.read(path) else { return nil }
        if try KeyFile.isShared(path) {
            logger.warning(
                "Tree-head key readable by others; run chmod 600",
                metadata: ["audit.key.path": path])
        }
        return try parse(text, path: path)
    }

    /// Loads the key of data folder `folder`, creating it when absent.
    ///
    /// Creation writes a temporary file, syncs it and links it into place, so two processes
    /// starting together end up with the same key and a crash leaves no half-written file.
    /// - Throws: ``AuditError/keyFile(path:reason:)``.
    public static func loadOrCreate(
        in folder: String, logger: Logger
    ) throws(AuditError) -> SigningKey {
        if let key = try load(in: folder, logger: logger) { return key }
        let path = folder + "/" + fileName
        let seed = Ed25519.randomSeed()
        let text = "\(header)\nseed=\(Hex.encode(seed))\n"
        if try KeyFile.create(path, contents: text) {
            let key = SigningKey(seed: seed)
            logger.info(
                "Tree-head key created",
                metadata: ["audit.key.path": path, "audit.key.id": key.verifyingKey.keyId])
            return key
        }
        guard let existing = try KeyFile.read(path) else {
            throw .keyFile(path: path, reason: "vanished while it was being created")
        }
        return try parse(existing, path: path)
    }

    private static func parse(_ text: String, path: String) throws(AuditError) -> SigningKey {
        let lines = text.split(separator: "\n")
        guard lines.count == 2, lines[0] == header, lines[1].hasPrefix("seed="),
            let seed = Hex.decode(lines[1].dropFirst(5), count: 32)
        else { throw .keyFile(path: path, reason: "not a tree-head key file") }
        return SigningKey(seed: seed)
    }
}
