import Domain

extension FormPdf {
    /// Box 3: the waste's code, name, consistence and dangerousness.
    static func wasteBox(_ state: FormState) -> PdfBox {
        let waste = state.content.wasteDetails
        let consistences = waste.consistences.map(FrenchText.consistence)
            .joined(separator: ", ")
        let dangerous = waste.isDangerous ?? waste.code.map(Nomenclatures.isDangerous)
        return PdfBox(
            number: "3", title: "Dénomination du déchet",
            rows: [
                Row("Code déchet", FrenchText.wasteCode(waste.code)),
                Row("Dénomination usuelle", FrenchText.value(waste.name)),
                Row("Consistance", FrenchText.value(consistences)),
                Row("Déchet dangereux", FrenchText.yesNo(dangerous)),
                Row("Polluants organiques persistants (POP)", FrenchText.yesNo(waste.pop)),
            ])
    }

    /// Box 4 (or 15): the packagings.
    static func packagingBox(
        _ waste: WasteDetails, number: String, title: String = "Conditionnement"
    ) -> PdfBox {
        let rows =
            waste.packagings.isEmpty
            ? [Row("Conditionnement", FrenchText.none)]
            : waste.packagings.map { Row("Conditionnement", FrenchText.packaging($0)) }
        return PdfBox(number: number, title: title, rows: rows)
    }

    static func packagingBox(_ state: FormState) -> PdfBox {
        packagingBox(state.content.wasteDetails, number: "4")
    }

    /// Box 5 (or 16): the quantity and whether it was weighed.
    static func quantityBox(_ waste: WasteDetails, number: String) -> PdfBox {
        PdfBox(
            number: number, title: "Quantité",
            rows: [
                Row(
                    "Quantité en tonnes",
                    waste.quantity == nil
                        ? FrenchText.none
                        : FrenchText.tonnes(waste.quantity) + ", "
                            + FrenchText.quantityType(waste.quantityType)
                )
            ])
    }

    static func quantityBox(_ state: FormState) -> PdfBox {
        quantityBox(state.content.wasteDetails, number: "5")
    }

    /// Boxes 6.1 and 6.2 (or 17): the ADR mention and the RID, ADN or IMDG mention.
    static func mentionsBox(_ waste: WasteDetails, number: String) -> PdfBox {
        let adr: String
        switch waste.isSubjectToADR {
        case true?: adr = FrenchText.value(waste.onuCode)
        case false?: adr = "Non soumis à l'ADR"
        case nil: adr = FrenchText.value(waste.onuCode)
        }
        return PdfBox(
            number: number, title: "Mentions au titre des règlements ADR, RID, ADN et IMDG",
            rows: [
                Row("Mention ADR", adr),
                Row("Mention RID, ADN ou IMDG", FrenchText.value(waste.nonRoadRegulationMention)),
            ])
    }

    static func mentionsBox(_ state: FormState) -> PdfBox {
        mentionsBox(state.content.wasteDetails, number: "6")
    }
}
