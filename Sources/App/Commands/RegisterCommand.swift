import Ledger
import Projections

/// `bsd-ledger register --data DIR --siret S --type T --from DAY --to DAY --format F
/// --out FILE`: writes a company's register for a date range (`--to` excluded).
struct RegisterCommand {
    let folder: String
    let siret: String
    let type: RegisterType
    let from: Int64
    let to: Int64
    let format: String
    let out: String

    init(options: inout Options) throws {
        folder = try options.dataFolder()
        guard let siret = try options.value("siret") else { throw UsageError(message: "--siret") }
        let typeName = try options.value("type") ?? "ALL"
        guard let type = RegisterType(rawValue: typeName) else {
            let names = RegisterType.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(message: "--type is one of \(names)")
        }
        guard let fromText = try options.value("from"), let from = RegisterExport.day(fromText),
            let toText = try options.value("to"), let to = RegisterExport.day(toText)
        else { throw UsageError(message: "--from and --to are days, yyyy-MM-dd") }
        format = try options.value("format") ?? "csv"
        guard ["csv", "xlsx"].contains(format) else {
            throw UsageError(message: "--format is csv or xlsx")
        }
        guard let out = try options.value("out") else { throw UsageError(message: "--out FILE") }
        try options.finish()
        (self.siret, self.type, self.from, self.to, self.out) = (siret, type, from, to, out)
    }

    func run() throws -> Int32 {
        let ledger = try ProjectionRebuilder.openLedger(path: folder)
        defer { ledger.close() }
        let export = RegisterExport(queries: FormQueries(ledger: ledger))
        let rows: Int
        if format == "csv" {
            var sink = try RegisterCSVWriter(path: out)
            rows = try export.write(
                siret: siret, type: type, from: from, to: to, companies: [siret], into: &sink)
        } else {
            var sink = try RegisterXLSXWriter(path: out, sheetName: type.rawValue)
            rows = try export.write(
                siret: siret, type: type, from: from, to: to, companies: [siret], into: &sink)
        }
        Output.line("\(type.rawValue) register of \(siret): \(rows) rows written to \(out)")
        return 0
    }
}
