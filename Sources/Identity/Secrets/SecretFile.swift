import Ledger
import Logging

/// The instance secrets' file, readable by its owner only (``PrivateFile``), with the errors
/// of this module.
enum SecretFile {
    /// The file's text, or nil when it does not exist.
    static func read(_ path: String) throws(IdentityError) -> String? {
        try mapped { () throws(PrivateFileError) in try PrivateFile.read(path) }
    }

    /// Creates `path` with `contents` and mode 0600, unless it exists (then returns false).
    static func create(_ path: String, contents: String) throws(IdentityError) -> Bool {
        try mapped { () throws(PrivateFileError) in
            try PrivateFile.create(path, contents: contents)
        }
    }

    /// Warns when group or others may read the file.
    static func checkMode(_ path: String, logger: Logger) throws(IdentityError) {
        let shared = try mapped { () throws(PrivateFileError) in try PrivateFile.isShared(path) }
        if shared {
            logger.warning(
                "Identity secrets readable by others; run chmod 600",
                metadata: ["identity.secrets.path": path])
        }
    }

    private static func mapped<T>(
        _ body: () throws(PrivateFileError) -> T
    ) throws(IdentityError) -> T {
        do {
            return try body()
        } catch {
            throw .internalFailure(error.description)
        }
    }
}
