/// A file made for a download link, ready to answer with.
struct DownloadedFile: Sendable, Equatable {
    /// The `Content-Type` of the answer.
    var contentType: String
    /// The name offered in `Content-Disposition` (ASCII: SIRETs, days, fixed words).
    var filename: String
    /// The content.
    var bytes: [UInt8]
}
