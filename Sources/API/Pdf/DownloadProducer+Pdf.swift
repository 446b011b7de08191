import Documents
import Domain
import Projections

extension DownloadProducer {
    /// The PDF of a BSD, read from the projection now and only if it is still readable
    /// through the companies captured at issue time.
    /// - Throws: ``DownloadError/unavailable(reason:)`` when the BSD is gone or no longer
    ///   readable, ``DownloadError/production(reason:)`` when drawing fails.
    func formPdf(_ download: FormPdfDownload) throws(DownloadError) -> DownloadedFile {
        do {
            return try queries.read { reader throws -> DownloadedFile in
                let state: FormState?
                if let companies = download.companies {
                    state = try reader.form(id: download.formId, companies: companies)
                } else {
                    state = try reader.state(download.formId).flatMap { $0.isDeleted ? nil : $0 }
                }
                guard let state, state.exists else {
                    throw DownloadError.unavailable(
                        reason: "This BSD no longer exists or you may no longer read it.")
                }
                return try Self.formPdfFile(state, reader: reader)
            }
        } catch let error as DownloadError {
            throw error
        } catch {
            throw .production(reason: "\(error)")
        }
    }

    /// The PDF file of `state`, with the BSDs it links to read from `reader`, drawn now.
    /// The caller has checked that the file's recipient may read the BSD (members of its
    /// companies, a road-control link, an inspector).
    static func formPdfFile(_ state: FormState, reader: FormReader) throws -> DownloadedFile {
        var linked: [String: FormState] = [:]
        for id in FormPdfInput.linkedIds(of: state) {
            if let form = try reader.state(id) { linked[id] = form }
        }
        let input = FormPdfInput(
            state: state, linked: linked,
            editedAt: Timestamp(microseconds: WallClock.microseconds()))
        let name = state.readableId.isEmpty ? state.id : state.readableId
        return DownloadedFile(
            contentType: "application/pdf", filename: "BSD-\(name).pdf",
            bytes: try FormPdf.document(input))
    }
}
