/// Draws a BSD's header and boxes on a ``PdfCanvas``, flowing the boxes down the pages:
/// a box that does not fit goes on with "(suite)" on the next page.
struct FormPdfRenderer {
    let canvas: PdfCanvas
    let header: FormPdfHeader
    let boxes: [PdfBox]

    static let margin: Float = 32
    static let bottom: Float = PdfCanvas.pageHeight - 40
    static let contentWidth = PdfCanvas.pageWidth - 2 * margin
    static let labelWidth: Float = 150
    static let lineHeight: Float = 10.5
    static let textSize: Float = 8
    static let bandHeight: Float = 14
    static let padding: Float = 4

    /// Draws everything.
    func draw() {
        canvas.setTitle("BSD \(Self.ascii(header.readableId))")
        var cursor = Cursor(top: 0)
        startPage(&cursor)
        cursor.top = drawHeader()
        for box in boxes { draw(box, &cursor) }
        // Once the page count is known; the stamp last, so that no tinted band hides it.
        for page in 1...canvas.pageCount {
            canvas.selectPage(page)
            canvas.text(
                "BSD \(header.readableId) — page \(page) / \(canvas.pageCount)", x: Self.margin,
                baseline: PdfCanvas.pageHeight - 20, size: 7, color: .grey)
            if header.cancellation != nil { drawStamp() }
        }
    }

    /// Where drawing has got to on the current page.
    struct Cursor {
        var top: Float
    }

    /// Starts a page; on pages after the first, a one-line reminder of the BSD's number.
    private func startPage(_ cursor: inout Cursor) {
        canvas.addPage()
        let page = canvas.pageCount
        cursor.top = Self.margin
        if page > 1 {
            canvas.text(
                "Bordereau n° \(header.readableId) (suite)", x: Self.margin,
                baseline: Self.margin + 8, size: 9, bold: true)
            cursor.top = Self.margin + 16
        }
    }

    /// The word "ANNULÉ" across the page, outlined in red so that the boxes stay legible.
    private func drawStamp() {
        canvas.rotatedText(
            "ANNULÉ", x: 130, baseline: 620, size: 110, degrees: 35, color: .stamp)
    }

    /// Draws box by box, row line by row line, going to a new page when a line does not fit.
    private func draw(_ box: PdfBox, _ cursor: inout Cursor) {
        let lines = box.rows.flatMap(layout)
        if cursor.top + Self.bandHeight + Self.lineHeight + 2 * Self.padding > Self.bottom {
            startPage(&cursor)
        }
        var frameTop = cursor.top
        band(box.heading, &cursor)
        for line in lines {
            if cursor.top + Self.lineHeight + Self.padding > Self.bottom {
                frame(from: frameTop, &cursor)
                startPage(&cursor)
                frameTop = cursor.top
                band(box.heading + " (suite)", &cursor)
            }
            if let label = line.label {
                canvas.text(
                    label, x: Self.margin + Self.padding, baseline: cursor.top + 8,
                    size: Self.textSize - 0.5, color: .grey)
            }
            canvas.text(line.text, x: line.x, baseline: cursor.top + 8, size: Self.textSize)
            cursor.top += Self.lineHeight
        }
        frame(from: frameTop, &cursor)
        cursor.top += 6
    }

    /// The box's title on a tinted band.
    private func band(_ heading: String, _ cursor: inout Cursor) {
        canvas.rectangle(
            x: Self.margin, top: cursor.top, width: Self.contentWidth, height: Self.bandHeight,
            fill: .titleBand)
        canvas.text(
            heading, x: Self.margin + Self.padding, baseline: cursor.top + 10, size: 8.5,
            bold: true)
        cursor.top += Self.bandHeight + Self.padding / 2
    }

    /// The outline of the part of a box drawn on this page.
    private func frame(from top: Float, _ cursor: inout Cursor) {
        cursor.top += Self.padding / 2
        canvas.rectangle(
            x: Self.margin, top: top, width: Self.contentWidth, height: cursor.top - top,
            stroke: .black)
    }

    /// One printed line: the label on the row's first line only, and where the text starts.
    struct Line {
        var label: String?
        var text: String
        var x: Float
    }

    /// A row cut into lines that fit: label left, value right; a sentence (no label)
    /// across the whole box.
    private func layout(_ row: PdfBox.Row) -> [Line] {
        let sentence = row.label.isEmpty
        let x = Self.margin + Self.padding + (sentence ? 0 : Self.labelWidth)
        let width = Self.margin + Self.contentWidth - Self.padding - x
        let texts = wrap(row.value, width: width)
        let labels = sentence ? [] : wrap(row.label, width: Self.labelWidth - 6)
        return (0..<max(texts.count, labels.count)).map { index in
            Line(
                label: index < labels.count ? labels[index] : nil,
                text: index < texts.count ? texts[index] : "", x: x)
        }
    }

    /// `text` cut at spaces into lines no wider than `width`; a word wider than a line is
    /// cut between characters.
    func wrap(_ text: String, width: Float) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if canvas.width(candidate, size: Self.textSize) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            if canvas.width(String(word), size: Self.textSize) <= width {
                current = String(word)
                continue
            }
            for character in word {
                if canvas.width(current + String(character), size: Self.textSize) > width,
                    !current.isEmpty
                {
                    lines.append(current)
                    current = ""
                }
                current.append(character)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// `text` with every non-ASCII character replaced, for the document's info dictionary.
    static func ascii(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.isASCII ? Character($0) : "_" })
    }
}
