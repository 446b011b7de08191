import Domain
import Foundation
import Testing

@testable import Documents

@Suite struct FormPdfTests {
    static let editedAt = FormPdfFixtures.at(minutes: 700)

    static func numbers(_ state: FormState) -> [String] {
        FormPdf.boxes(FormPdfInput(state: state, editedAt: editedAt)).map(\.number)
    }

    /// `state` as an annexe-2 regroupement of 120 BSDs: content for three pages.
    static func regroupingOf120(_ state: FormState) -> FormState {
        var state = state
        state.content.emitter.type = .appendix2
        state.content.grouping = (1...120).map {
            GroupingFraction(formId: "initial-\($0)", quantity: Weight(grams: 1_000))
        }
        return state
    }

    static func document(_ state: FormState) throws -> [UInt8] {
        try FormPdf.document(FormPdfInput(state: state, editedAt: editedAt))
    }

    @Test func documentIsAPdfThatPopplerReads() throws {
        let pdf = try Self.document(FormPdfFixtures.processed())
        #expect(pdf.starts(with: Array("%PDF-1.".utf8)))
        let tail = String(decoding: pdf.suffix(16), as: UTF8.self)
        #expect(tail.contains("%%EOF"))
        let text = try PdfText.extract(pdf)
        #expect(text.contains("TD-26-AAA00001"))
        #expect(text.contains("Bordereau de suivi des déchets"))
    }

    @Test func frenchAccentsSurviveTheRoundTrip() throws {
        let text = try PdfText.extract(try Self.document(FormPdfFixtures.processed()))
        for phrase in [
            "Société Générale de Déchets", "Incinérateur du Sud", "Dénomination du déchet",
            "Réception à l'installation du cadre 2", "Réalisation de l'opération",
            "Hélène Lefèvre", "Édité le 04/12/2026 22:36 UTC", "réf-interne-42",
        ] {
            #expect(text.contains(phrase), "missing: \(phrase)")
        }
    }

    @Test func directPathHasBoxesOneToElevenAndNoTemporaryStorage() {
        let numbers = Self.numbers(FormPdfFixtures.processed())
        #expect(
            numbers.filter { !$0.isEmpty } == [
                "1.1", "1.2", "2", "3", "4", "5", "6", "8", "9", "10", "11",
            ])
    }

    @Test func temporaryStorageAddsBoxesThirteenToNineteen() {
        let numbers = Self.numbers(FormPdfFixtures.resent()).filter { !$0.isEmpty }
        #expect(Array(numbers.suffix(7)) == ["13", "14", "15", "16", "17", "18", "19"])
        #expect(!Self.numbers(FormPdfFixtures.sent()).contains("13"))
    }

    @Test func eachOtherTransporterGetsItsOwnBoxWithItsTakeOver() {
        let boxes = FormPdf.boxes(
            FormPdfInput(state: FormPdfFixtures.multimodal(), editedAt: Self.editedAt))
        let second = boxes.first { $0.title.hasPrefix("Transporteur n° 2") }
        #expect(
            second?.rows.contains(
                PdfBox.Row("Prise en charge", "Signé le 04/12/2026 15:56 UTC par Rémi Rail"))
                == true)
    }

    @Test func signaturesNameTheSignerAndTheTimeOfEachStep() throws {
        let text = try PdfText.extract(try Self.document(FormPdfFixtures.resent()))
        for signature in [
            "Signé le 04/12/2026 10:56 UTC par Jérôme Émetteur",
            "Signé le 04/12/2026 11:26 UTC par Chloé Chauffeur",
            "Signé le 04/12/2026 12:31 UTC par Gaëlle Entrepôt",
            "Signé le 04/12/2026 14:16 UTC par Gaëlle Entrepôt",
            "Signé le 04/12/2026 14:56 UTC par Loïc Batelier",
        ] {
            #expect(text.contains(signature), "missing: \(signature)")
        }
    }

    @Test func unsignedStepsSaySo() {
        let boxes = FormPdf.boxes(
            FormPdfInput(state: FormPdfFixtures.sealed(), editedAt: Self.editedAt))
        let emission = boxes.first { $0.number == "9" }
        let unsigned = PdfBox.Row("Signature de l'émetteur", "Non signé")
        #expect(emission?.rows.contains(unsigned) == true)
    }

    @Test func canceledBSDCarriesTheReasonInTheHeaderAndTheStampOnEveryPage() throws {
        let state = Self.regroupingOf120(FormPdfFixtures.canceled())
        let pdf = try Self.document(state)
        let pages = try PdfText.rawPages(pdf)
        #expect(pages.count >= 3)
        #expect(
            pages[0].contains(
                "BORDEREAU ANNULÉ — motif : Erreur de saisie corrigée par révision"))
        // The stamp is a line of its own; the header's "BORDEREAU ANNULÉ" is not.
        for (index, page) in pages.enumerated() {
            #expect(Self.stampLines(page) == 1, "page \(index + 1) has no stamp")
        }
        let live = try PdfText.rawPages(try Self.document(FormPdfFixtures.sealed()))
        #expect(live.allSatisfy { Self.stampLines($0) == 0 && !$0.contains("ANNULÉ") })
    }

    /// How many lines of `page` are the stamp's word alone.
    static func stampLines(_ page: String) -> Int {
        page.split(separator: "\n").filter {
            $0.trimmingCharacters(in: .whitespaces) == "ANNULÉ"
        }.count
    }

    @Test func longContentFlowsOntoMorePages() throws {
        let state = Self.regroupingOf120(FormPdfFixtures.processed())
        let pdf = try Self.document(state)
        let text = try PdfText.extract(pdf)
        #expect(text.contains("initial-120"))
        #expect(text.contains("(suite)"))
        #expect(text.contains("page 3 / "))
    }

    @Test func aMissingFontIsATypedError() {
        let fonts = PdfFonts(regular: "/nonexistent/font.ttf", bold: PdfFonts.dejaVuSans.bold)
        #expect(throws: PdfError.fontNotLoaded(path: "/nonexistent/font.ttf")) {
            try FormPdf.document(
                FormPdfInput(state: FormPdfFixtures.sealed(), editedAt: Self.editedAt),
                fonts: fonts)
        }
    }

    @Test func tonnesUseADecimalCommaWithoutTrailingZeros() {
        #expect(FrenchText.tonnes(Weight(grams: 1_250_000)) == "1,25 t")
        #expect(FrenchText.tonnes(Weight(grams: 12_000_000)) == "12 t")
        #expect(FrenchText.tonnes(Weight(grams: 1)) == "0,000001 t")
        #expect(FrenchText.tonnes(nil) == "—")
    }
}
