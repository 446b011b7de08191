import Domain
import Foundation
import Projections
import Testing

@Suite struct RegisterTests {
    @Test func cellsFollowTheRegisterFormatting() {
        #expect(
            RegisterCell.date(Timestamp(year: 2026, month: 3, day: 1).microseconds).text
                == "2026-03-01")
        #expect(RegisterCell.flag(true).text == "O")
        #expect(RegisterCell.flag(false).text == "N")
        #expect(RegisterCell.tonnes(1_234_567).text == "1.235")
        #expect(RegisterCell.tonnes(500).text == "0.001")
        #expect(RegisterCell.tonnes(nil).text == "")
        #expect(RegisterExport.day("2026-02-30") == nil)
        #expect(
            RegisterExport.day("2026-03-01") == Timestamp(year: 2026, month: 3, day: 1).microseconds
        )
    }

    /// Three BSDs picked up, one drafted only; the recipient processes the first.
    static func world() throws -> ProjectionWorld {
        let world = try ProjectionWorld()
        _ = try world.sent("f1")
        _ = try world.sent("f2", minute: 60 * 24)
        _ = try world.sent("f3", minute: 60 * 48)
        try world.run(.create(Fixtures.content()), minute: 10, newId: "draft")
        try world.run(
            .markReceived(Fixtures.acceptance(Fixtures.day)), on: "f1", as: Fixtures.recipient,
            minute: 5)
        var processing = Processing(
            operationDone: "R 1", processedBy: "Alix", processedAt: Fixtures.day)
        processing.operationMode = .valorisationEnergetique
        try world.run(.markProcessed(processing), on: "f1", as: Fixtures.recipient, minute: 6)
        return world
    }

    @Test func csvHoldsTheRowsOfTheRangeOnlyOncePickedUp() throws {
        let world = try Self.world()
        let path = world.folder.path + "/incoming.csv"
        var sink = try RegisterCSVWriter(path: path)
        let from = Fixtures.day.microseconds
        let count = try RegisterExport(queries: world.queries).write(
            siret: Fixtures.recipient, type: .incoming, from: from,
            to: from + 2 * 86_400_000_000, companies: [Fixtures.recipient], into: &sink)
        #expect(count == 2)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\r\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("Date,N° de bordereau,"))
        #expect(lines[1].contains(",R1,"))
        #expect(lines[1].contains(",\"1 rue de la Paix, Paris\","))
        #expect(lines[1].contains(",1.500,"))
        #expect(lines[1].hasPrefix("2026-03-01,TD-26-AAA00001,BSDD,PROCESSED,"))
        #expect(lines[2].hasPrefix("2026-03-02,TD-26-AAA00002,BSDD,SENT,"))
    }

    @Test func registersNeedTheCompanyAndSortEachTypeByItsDate() throws {
        let world = try Self.world()
        let path = world.folder.path + "/x.csv"
        var sink = try RegisterCSVWriter(path: path)
        #expect(throws: QueryError.companyNotAllowed(siret: Fixtures.recipient)) {
            try RegisterExport(queries: world.queries).write(
                siret: Fixtures.recipient, type: .incoming, from: 0, to: .max,
                companies: [Fixtures.emitter], into: &sink)
        }
        for (siret, type, expected) in [
            (Fixtures.emitter, RegisterType.outgoing, 3), (Fixtures.transporter, .transported, 3),
            (Fixtures.emitter, .managed, 0), (Fixtures.emitter, .all, 3),
            (Fixtures.emitter, .incoming, 0),
        ] {
            var sink = try RegisterCSVWriter(path: path)
            let count = try RegisterExport(queries: world.queries).write(
                siret: siret, type: type, from: 0, to: .max, companies: [siret], into: &sink)
            #expect(count == expected, "\(type)")
        }
    }

    @Test func xlsxIsWrittenInPagesAsAZipFile() throws {
        let world = try Self.world()
        let path = world.folder.path + "/all.xlsx"
        var sink = try RegisterXLSXWriter(path: path, sheetName: "ALL")
        var export = RegisterExport(queries: world.queries)
        export.pageSize = 2
        let count = try export.write(
            siret: Fixtures.emitter, type: .all, from: 0, to: .max, companies: [Fixtures.emitter],
            into: &sink)
        #expect(count == 3)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.prefix(2) == Data("PK".utf8))
    }
}
