import Projections

/// A register file to produce: which companies, which register, which dates and format, for
/// whom. The companies the user could read registers of are captured when the link is
/// issued and are the ones checked when it is followed.
struct RegisterDownload: Sendable, Equatable {
    /// The file formats of a register.
    enum Format: String, Sendable, Equatable {
        /// RFC 4180 CSV in UTF-8.
        case csv
        /// An Excel workbook with one sheet.
        case xlsx

        /// The `Content-Type` of the answer.
        var contentType: String {
            switch self {
            case .csv: "text/csv; charset=utf-8"
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        }
    }

    /// The header of the column naming, on each row, the company whose register it is.
    static let declarantColumn = "SIRET du déclarant"

    /// The user the link was issued to.
    var userId: String
    /// The companies whose registers go into the file, in order, each once.
    var sirets: [String]
    /// Which register.
    var type: RegisterType
    /// CSV or XLSX.
    var format: Format
    /// The first instant included, µs since the epoch.
    var from: Int64
    /// The first instant excluded, µs since the epoch (`Int64.max`: no end).
    var to: Int64
    /// The companies whose registers the user could read when the link was issued.
    var companies: Set<String>
    /// When the link was issued, µs since the epoch: the last day a file without an end
    /// date covers.
    var issuedAt: Int64

    /// `registre-<type>-<siret>-<first day>-<last day>.<format>`; with several companies the
    /// first SIRET is followed by `-et-<n>-autres`.
    var filename: String {
        var companies = sirets.first ?? "aucun"
        if sirets.count > 1 { companies += "-et-\(sirets.count - 1)-autres" }
        let lastInstant = to == Int64.max ? issuedAt : to - 1
        let days = [from, lastInstant].map { RegisterCell.date($0).text }
        return "registre-\(type.rawValue.lowercased())-\(companies)-\(days[0])-\(days[1])"
            + ".\(format.rawValue)"
    }
}
