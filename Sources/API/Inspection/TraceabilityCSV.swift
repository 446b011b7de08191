import Domain
import Inspection
import Projections

/// The traceability report as a CSV file (RFC 4180, the registers' writer rules): one line
/// per anomaly, then one per initial BSD with where its waste ended.
enum TraceabilityCSV {
    static let columns = [
        "Ligne", "Numéro du BSD", "Identifiant", "Code déchet", "Statut", "Étape", "Depuis",
        "Quantité émise (t)", "Quantité reçue (t)", "Chaîne ouverte à", "Traitements finaux",
    ]

    /// The file offered for download.
    static func file(siret: String, report: TraceabilityReport, at now: Int64) -> DownloadedFile {
        var lines = [columns]
        for anomaly in report.anomalies {
            lines.append([
                anomaly.kind.rawValue, anomaly.readableId, anomaly.formId, "",
                anomaly.status.rawValue,
                anomaly.step?.rawValue ?? "", anomaly.since.map(CivilCalendar.day) ?? "",
                tonnes(anomaly.emitted), tonnes(anomaly.received),
                anomaly.openAt.joined(separator: " "), "",
            ])
        }
        for outcome in report.outcomes {
            let finals = outcome.finals.map { final in
                "\(final.readableId) \(final.operationCode ?? final.status.rawValue)"
            }
            lines.append([
                outcome.isClosed ? "CLOSED" : "OPEN", outcome.readableId, outcome.formId,
                outcome.wasteCode ?? "", outcome.status.rawValue, "", "", "", "",
                outcome.open.map(\.readableId).joined(separator: " "),
                finals.joined(separator: "; "),
            ])
        }
        let text = lines.map(CSVText.line).joined()
        return DownloadedFile(
            contentType: "text/csv; charset=utf-8",
            filename: "tracabilite-\(siret)-\(CivilCalendar.day(now)).csv", bytes: Array(text.utf8))
    }

    private static func tonnes(_ weight: Weight?) -> String {
        guard let weight else { return "" }
        let grams = weight.grams
        let whole = grams / 1_000_000
        let fraction = String(abs(grams % 1_000_000))
        return "\(grams < 0 && whole == 0 ? "-" : "")\(whole)."
            + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
