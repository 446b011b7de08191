import Ledger

/// The signing key's file, readable by its owner only (``PrivateFile``), with the errors of
/// this module.
enum KeyFile {
    /// The file's text, or nil when it does not exist.
    static func read(_ path: String) throws(AuditError) -> String? {
        try mapped { () throws(PrivateFileError) in try PrivateFile.read(path, limit: 4096) }
    }

    /// Whether group or others may read the file.
    static func isShared(_ path: String) throws(AuditError) -> Bool {
        try mapped { () throws(PrivateFileError) in try PrivateFile.isShared(path) }
    }

    /// Creates `path` with `contents` and mode 0600, unless it exists (then returns false).
    static func create(_ path: String, contents: String) throws(AuditError) -> Bool {
        try mapped { () throws(PrivateFileError) in
            try PrivateFile.create(path, contents: contents)
        }
    }

    private static func mapped<T>(
        _ body: () throws(PrivateFileError) -> T
    ) throws(AuditError) -> T {
        do {
            return try body()
        } catch {
            throw .keyFile(path: error.path, reason: "\(error.operation): \(error.reason)")
        }
    }
}
