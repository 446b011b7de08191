import Glibc
import Ledger
import Logging

/// The instance's identity keys, made once from libsodium's random bytes and kept in
/// `identity.secrets` in the data folder (mode 0600), so tokens survive restarts.
public struct InstanceSecrets: Sendable, Equatable {
    /// The name of the file in the data folder.
    public static let fileName = "identity.secrets"
    private static let header = "bsd-ledger-identity-secrets/1"

    /// The HS256 key of the JWTs (32 bytes).
    public let jwtKey: [UInt8]
    /// The BLAKE2b key hashing personal access tokens before they are stored (32 bytes).
    public let tokenHashKey: [UInt8]

    /// Keys given directly (tests, or secrets from the environment).
    public init(jwtKey: [UInt8], tokenHashKey: [UInt8]) {
        precondition(jwtKey.count == 32 && tokenHashKey.count == 32, "identity keys are 32 bytes")
        self.jwtKey = jwtKey
        self.tokenHashKey = tokenHashKey
    }

    /// Fresh random keys.
    public static func generate() -> InstanceSecrets {
        InstanceSecrets(jwtKey: Sodium.randomBytes(32), tokenHashKey: Sodium.randomBytes(32))
    }

    /// Loads the secrets of the data folder `folder`, creating them on first start.
    ///
    /// Creation writes a temporary file, syncs it and links it into place, so two processes
    /// starting together end up with the same keys and a crash leaves no half-written file.
    /// - Throws: ``IdentityError/internalFailure(_:)`` when the file cannot be read or
    ///   written, or holds something else than two 32-byte keys.
    public static func loadOrCreate(
        in folder: String, logger: Logger
    ) throws(IdentityError) -> InstanceSecrets {
        let path = folder + "/" + fileName
        if let text = try SecretFile.read(path) {
            try SecretFile.checkMode(path, logger: logger)
            return try parse(text, path: path)
        }
        let secrets = generate()
        if try SecretFile.create(path, contents: secrets.fileText) {
            logger.info("Identity secrets created", metadata: ["identity.secrets.path": path])
            return secrets
        }
        guard let text = try SecretFile.read(path) else {
            throw .internalFailure("\(path) vanished while it was being created")
        }
        return try parse(text, path: path)
    }

    private var fileText: String {
        "\(Self.header)\njwt=\(Hex.encode(jwtKey))\ntoken-hash=\(Hex.encode(tokenHashKey))\n"
    }

    private static func parse(_ text: String, path: String) throws(IdentityError) -> InstanceSecrets
    {
        let lines = text.split(separator: "\n")
        guard lines.count == 3, lines[0] == header, lines[1].hasPrefix("jwt="),
            lines[2].hasPrefix("token-hash="),
            let jwt = Hex.decode(lines[1].dropFirst(4)), jwt.count == 32,
            let tokens = Hex.decode(lines[2].dropFirst(11)), tokens.count == 32
        else { throw .internalFailure("\(path) is not an identity secrets file") }
        return InstanceSecrets(jwtKey: jwt, tokenHashKey: tokens)
    }
}
