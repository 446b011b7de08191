import Domain

extension FormPdf {
    /// "Signé le … par …", or that nobody signed yet.
    static func signature(_ at: Timestamp?, by signer: String?) -> String {
        guard let at else { return "Non signé" }
        return "Signé le \(FrenchText.dateTime(at)) par \(FrenchText.value(signer))"
    }

    /// The rows of one transporter and its take-over signature.
    static func transporterRows(
        _ transporter: Transporter?, _ signed: TransportSignature?
    )
        -> [Row]
    {
        guard let transporter else {
            return [Row("Transporteur", FrenchText.none), Row("Prise en charge", "Non signé")]
        }
        var rows = companyRows(transporter.company)
        rows.append(
            Row(
                "Récépissé",
                transporter.isExemptedOfReceipt
                    ? "Exempté de récépissé"
                    : receipt(
                        transporter.receipt, transporter.department, transporter.validityLimit)))
        rows.append(Row("Mode de transport", FrenchText.transportMode(transporter.mode)))
        let plates = transporter.numberPlates.joined(separator: ", ")
        rows.append(Row("Immatriculations", FrenchText.value(plates)))
        if let info = transporter.customInfo { rows.append(Row("Informations", info)) }
        rows.append(Row("Prise en charge", signature(signed?.takenOverAt, by: signed?.takenOverBy)))
        return rows
    }

    /// The take-over signature of transporter `number` (from 1).
    static func takeOver(_ state: FormState, number: Int) -> TransportSignature? {
        state.transportSignatures.first { $0.number == number }
    }

    /// Box 8: the first transporter, or the direct supply that replaces it.
    static func transporterBox(_ state: FormState) -> PdfBox {
        let title = "Collecteur-transporteur"
        guard !state.content.isDirectSupply else {
            return PdfBox(
                number: "8", title: title,
                rows: [
                    Row("", "Approvisionnement direct (pipeline ou convoyeur) : sans transporteur.")
                ])
        }
        return PdfBox(
            number: "8", title: title,
            rows: transporterRows(state.content.transporters.first, takeOver(state, number: 1)))
    }

    /// Box 9: the emitter's declaration and signature.
    static func emissionBox(_ state: FormState) -> PdfBox {
        var rows = [
            Row(
                "",
                "L'émetteur certifie que les informations des cadres ci-dessus sont exactes et"
                    + " qu'il a remis le déchet au transporteur.")
        ]
        let emission = state.emission
        rows.append(
            Row("Signature de l'émetteur", signature(emission?.emittedAt, by: emission?.emittedBy)))
        if emission?.byEcoOrganisme == true {
            rows.append(Row("", "Signé par l'éco-organisme pour le compte de l'émetteur."))
        }
        if emission?.isAutomatic == true {
            rows.append(Row("", "Signature automatique de la plateforme."))
        }
        return PdfBox(number: "9", title: "Déclaration générale de l'émetteur", rows: rows)
    }

    /// The rows of a reception: quantities, dates, decision, signature.
    static func receptionRows(_ reception: Reception?) -> [Row] {
        guard let reception else { return [Row("Réception", "Non signé")] }
        var rows = [
            Row("Quantité reçue", FrenchText.tonnes(reception.quantityReceived)),
            Row("Quantité refusée", FrenchText.tonnes(reception.quantityRefused)),
            Row("Quantité acceptée", FrenchText.tonnes(reception.quantityAccepted)),
            Row("Date de réception", FrenchText.dateTime(reception.receivedAt)),
            Row("Réceptionné par", FrenchText.value(reception.receivedBy)),
            Row("Décision", FrenchText.acceptation(reception.acceptationStatus)),
        ]
        if let reason = reception.refusalReason { rows.append(Row("Motif du refus", reason)) }
        if let mention = reception.emptyReturnADR {
            rows.append(Row("Retour à vide (ADR)", mention))
        }
        rows.append(
            Row("Signature de l'acceptation", signature(reception.signedAt, by: reception.signedBy))
        )
        return rows
    }

    /// Box 10: the reception at the destination of box 2 (or of box 14 after storage).
    static func receptionBox(_ state: FormState) -> PdfBox {
        let site = goesThroughTemporaryStorage(state) ? "du cadre 14" : "du cadre 2"
        return PdfBox(
            number: "10", title: "Réception à l'installation \(site)",
            rows: receptionRows(state.reception))
    }

    /// Box 11: the operation done, and who signed it.
    static func operationBox(_ state: FormState) -> PdfBox {
        guard let processing = state.processing else {
            return PdfBox(
                number: "11", title: "Réalisation de l'opération",
                rows: [Row("Traitement", "Non signé")])
        }
        var rows = [
            Row("Opération réalisée", FrenchText.operation(processing.operationDone)),
            Row("Mode de traitement", FrenchText.operationMode(processing.operationMode)),
        ]
        if let description = processing.description { rows.append(Row("Description", description)) }
        rows.append(Row("Date de l'opération", FrenchText.dateTime(processing.processedAt)))
        rows.append(Row("Signature", signature(processing.processedAt, by: processing.processedBy)))
        return PdfBox(number: "11", title: "Réalisation de l'opération", rows: rows)
    }

    /// Box 12: the planned next destination, when the treatment was not final.
    static func nextDestinationBox(_ state: FormState) -> PdfBox? {
        guard let processing = state.processing,
            processing.nextDestination != nil || processing.noTraceability
        else { return nil }
        var rows: [Row] = []
        if let next = processing.nextDestination {
            rows += companyRows(next.company)
            rows.append(Row("Opération prévue", FrenchText.operation(next.processingOperation)))
            if let notification = next.notificationNumber {
                rows.append(Row("N° de notification", notification))
            }
        }
        if processing.noTraceability {
            rows.append(Row("", "Rupture de traçabilité autorisée par arrêté préfectoral."))
        }
        return PdfBox(number: "12", title: "Destination ultérieure prévue", rows: rows)
    }

    /// One box per transporter after the first (multimodal transport).
    static func otherTransporterBoxes(_ state: FormState) -> [PdfBox] {
        state.content.transporters.enumerated().dropFirst().map { offset, transporter in
            PdfBox(
                number: "", title: "Transporteur n° \(offset + 1) (transport multimodal)",
                rows: transporterRows(transporter, takeOver(state, number: offset + 1)))
        }
    }
}
