/// What a download link produces when it is followed, fixed when the link is issued: the
/// kind of file and everything needed to make it, including who asked and what they could
/// read then. New kinds add a case.
enum DownloadJob: Sendable, Equatable {
    /// A register of one or several companies (``RegisterDownload``).
    case register(RegisterDownload)
    /// A BSD's PDF (``FormPdfDownload``).
    case formPdf(FormPdfDownload)

    /// The user the link was issued to.
    var userId: String {
        switch self {
        case .register(let register): register.userId
        case .formPdf(let pdf): pdf.userId
        }
    }
}
