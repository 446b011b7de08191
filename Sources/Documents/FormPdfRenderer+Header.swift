import Domain

extension FormPdfRenderer {
    static let qrSide: Float = 84

    /// Draws the first page's header and returns where the boxes start.
    func drawHeader() -> Float {
        let left = Self.margin
        canvas.text(
            "Article R.541-45 du code de l'environnement", x: left, baseline: left + 8, size: 7,
            color: .grey)
        canvas.text(
            "Ministère de la Transition écologique", x: left, baseline: left + 17, size: 7,
            color: .grey)
        canvas.text(
            "Bordereau de suivi des déchets", x: left, baseline: left + 36, size: 15, bold: true)
        var top = left + 50
        checkbox("Déchet dangereux", checked: header.isDangerous == true, x: left, top: top)
        checkbox(
            "Déchet non dangereux", checked: header.isDangerous == false, x: left + 130, top: top)
        top += 18
        canvas.text(
            "N° du bordereau : \(header.readableId)", x: left, baseline: top + 9, size: 11,
            bold: true)
        top += 14
        for line in identifierLines() {
            canvas.text(line, x: left, baseline: top + 8, size: 8)
            top += 11
        }
        canvas.text("Statut : \(header.status)", x: left, baseline: top + 8, size: 8)
        top += 14
        top = emitterTypes(top: top)
        drawQRCode()
        if let reason = header.cancellation { top = cancellationNotice(reason, top: top) }
        return max(top, Self.margin + Self.qrSide + 24) + 6
    }

    /// The customId and the annexe-1 round, when present.
    private func identifierLines() -> [String] {
        var lines: [String] = []
        if let customId = header.customId { lines.append("Identifiant secondaire : \(customId)") }
        if let container = header.containerReadableId {
            lines.append("Bordereau de tournée dédiée (annexe 1) : \(container)")
        }
        return lines
    }

    /// The five emitter types, the BSD's one checked, on two lines.
    private func emitterTypes(top: Float) -> Float {
        let types: [EmitterType] = [
            .producer, .other, .appendix2, .appendix1, .appendix1Producer,
        ]
        var top = top
        for (index, type) in types.enumerated() {
            let column = Float(index % 2)
            checkbox(
                FrenchText.emitterType(type), checked: header.emitterType == type,
                x: Self.margin + column * 215, top: top)
            if index % 2 == 1 || index == types.count - 1 { top += 12 }
        }
        return top + 2
    }

    /// A small square, crossed when checked, followed by its label.
    private func checkbox(_ label: String, checked: Bool, x: Float, top: Float) {
        canvas.rectangle(x: x, top: top, width: 8, height: 8, stroke: .black, lineWidth: 0.6)
        if checked {
            canvas.line(
                x1: x + 1.5, top1: top + 1.5, x2: x + 6.5, top2: top + 6.5, color: .black, width: 1)
            canvas.line(
                x1: x + 1.5, top1: top + 6.5, x2: x + 6.5, top2: top + 1.5, color: .black, width: 1)
        }
        canvas.text(label, x: x + 12, baseline: top + 7, size: 8)
    }

    /// The readable id's QR code at the top right, as one square per dark module inside a
    /// quiet zone of four modules, with the time of drawing under it.
    private func drawQRCode() {
        let code = header.qrCode
        let module = Self.qrSide / Float(code.size + 8)
        let left = PdfCanvas.pageWidth - Self.margin - Self.qrSide
        let top = Self.margin - 4
        var corners: [(x: Float, top: Float)] = []
        for row in 0..<code.size {
            for column in 0..<code.size where code.isDark(row: row, column: column) {
                corners.append(
                    (left + Float(column + 4) * module, top + Float(row + 4) * module))
            }
        }
        canvas.squares(corners, side: module, color: .black)
        let edited = "Édité le \(header.editedAt)"
        let width = canvas.width(edited, size: 6.5)
        canvas.text(
            edited, x: PdfCanvas.pageWidth - Self.margin - width,
            baseline: top + Self.qrSide + 8, size: 6.5, color: .grey)
    }

    /// A red line saying the BSD was cancelled, and why.
    private func cancellationNotice(_ reason: String, top: Float) -> Float {
        let text = reason.isEmpty ? "BORDEREAU ANNULÉ" : "BORDEREAU ANNULÉ — motif : \(reason)"
        canvas.text(text, x: Self.margin, baseline: top + 10, size: 10, bold: true, color: .stamp)
        return top + 16
    }
}
