/// Why a download's file could not be made; the client gets a 500 and the log the details,
/// except for ``unavailable(reason:)``, a 404 that says why.
enum DownloadError: Error, Equatable, Sendable {
    /// The temporary folder could not be made.
    case temporaryFolder(reason: String)
    /// Writing the file failed (projection read or file output).
    case production(reason: String)
    /// The written file could not be read back.
    case read(path: String, reason: String)
    /// What the link names is gone or no longer readable by its user: a 404 with `reason`.
    case unavailable(reason: String)
}
