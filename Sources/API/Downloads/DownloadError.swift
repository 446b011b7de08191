/// Why a download's file could not be made; the client gets a 500 and the log the details.
enum DownloadError: Error, Equatable, Sendable {
    /// The temporary folder could not be made.
    case temporaryFolder(reason: String)
    /// Writing the file failed (projection read or file output).
    case production(reason: String)
    /// The written file could not be read back.
    case read(path: String, reason: String)
}
