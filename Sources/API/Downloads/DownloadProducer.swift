import Projections

/// Makes the file of a ``DownloadJob`` when its link is followed, from the projection as it
/// is then, for the companies captured when the link was issued.
struct DownloadProducer: Sendable {
    let queries: FormQueries

    /// Makes the producer over the forms projection's queries.
    init(queries: FormQueries) {
        self.queries = queries
    }

    /// The file of `job`.
    /// - Throws: ``DownloadError`` when the file cannot be made.
    func produce(_ job: DownloadJob) throws(DownloadError) -> DownloadedFile {
        switch job {
        case .register(let download): try register(download)
        case .formPdf(let download): try formPdf(download)
        case .prepared(let file, _): file
        }
    }

    /// Writes the register into a temporary folder with the projections' writers, reads it
    /// back, and removes the folder whatever happens.
    private func register(_ download: RegisterDownload) throws(DownloadError) -> DownloadedFile {
        let folder = try TemporaryFolder(prefix: "bsd-ledger-download")
        defer { folder.remove() }
        let path = folder.path + "/" + download.filename
        do {
            switch download.format {
            case .csv:
                try write(download, into: RegisterCSVWriter(path: path))
            case .xlsx:
                try write(
                    download,
                    into: RegisterXLSXWriter(path: path, sheetName: download.type.rawValue)
                )
            }
        } catch let error as DownloadError {
            throw error
        } catch {
            throw .production(reason: "\(error)")
        }
        return DownloadedFile(
            contentType: download.format.contentType, filename: download.filename,
            bytes: try folder.read(download.filename))
    }

    /// Writes every company's register into `sink`, one after the other, and ends the file;
    /// on a failure the file is still closed.
    private func write(_ download: RegisterDownload, into sink: some RegisterSink) throws {
        var declared = DeclarantColumnSink(sink)
        let export = RegisterExport(queries: queries)
        do {
            for siret in download.sirets {
                declared.siret = siret
                _ = try export.write(
                    siret: siret, type: download.type, from: download.from, to: download.to,
                    companies: download.companies, into: &declared)
            }
        } catch {
            try? declared.close()
            throw error
        }
        try declared.close()
    }
}
