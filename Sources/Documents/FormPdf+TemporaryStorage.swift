import Domain

extension FormPdf {
    /// Boxes 13 to 19: the temporary storage or repackaging and the onward journey.
    static func temporaryStorageBoxes(_ state: FormState) -> [PdfBox] {
        let storage = state.temporaryStorage
        let destination = storage?.destination ?? state.content.temporaryStorageDestination
        var destinationRows = companyRows(destination?.company)
        destinationRows.append(Row("N° de CAP", FrenchText.value(destination?.cap)))
        destinationRows.append(
            Row("Opération prévue", FrenchText.operation(destination?.processingOperation)))
        // Without repackaging the onward waste is the initial one.
        let waste = storage?.wasteDetails ?? state.content.wasteDetails
        let emission = storage?.emission
        return [
            PdfBox(
                number: "13", title: "Réception à l'installation d'entreposage provisoire",
                rows: receptionRows(storage.map(\.reception))),
            PdfBox(
                number: "14", title: "Installation de destination prévue", rows: destinationRows),
            packagingBox(waste, number: "15", title: "Reconditionnement"),
            quantityBox(waste, number: "16"),
            mentionsBox(waste, number: "17"),
            PdfBox(
                number: "18", title: "Collecteur-transporteur après entreposage",
                rows: transporterRows(storage?.transporter, storage?.transport)),
            PdfBox(
                number: "19", title: "Déclaration de l'exploitant de l'entreposage provisoire",
                rows: [
                    Row(
                        "Signature",
                        signature(emission?.emittedAt, by: emission?.emittedBy))
                ]),
        ]
    }
}
