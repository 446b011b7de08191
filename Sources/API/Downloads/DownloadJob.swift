/// What a download link produces when it is followed, fixed when the link is issued: the
/// kind of file and everything needed to make it, including who asked and what they could
/// read then. New kinds add a case.
enum DownloadJob: Sendable, Equatable {
    /// A register of one or several companies (``RegisterDownload``).
    case register(RegisterDownload)
    /// A BSD's PDF (``FormPdfDownload``).
    case formPdf(FormPdfDownload)
    /// A file made when the link was issued (an inspector's traceability report as CSV: what
    /// the control records is then exactly what is handed over), and who it was made for.
    case prepared(DownloadedFile, userId: String)

    /// The user the link was issued to.
    var userId: String {
        switch self {
        case .register(let register): register.userId
        case .formPdf(let pdf): pdf.userId
        case .prepared(_, let userId): userId
        }
    }
}
