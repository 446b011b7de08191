import CHaru
import Glibc

/// One libharu document being drawn, on A4 portrait pages, with a regular and a bold
/// TrueType font in UTF-8. Coordinates are in points, measured from the page's top-left
/// corner (libharu's own origin is the bottom-left one).
///
/// Not `Sendable`: a canvas is made, drawn and saved by one call on one thread.
final class PdfCanvas {
    /// A4 in points.
    static let pageWidth: Float = 595.276
    static let pageHeight: Float = 841.89

    private let document: HPDF_Doc
    private let regular: HPDF_Font
    private let bold: HPDF_Font
    private var page: HPDF_Page?
    private var pages: [HPDF_Page] = []
    /// The pages drawn so far.
    private(set) var pageCount = 0

    /// Makes an empty document with the two fonts loaded and embedded.
    /// - Throws: ``PdfError`` when libharu cannot start or a font does not load.
    init(fonts: PdfFonts) throws(PdfError) {
        // Without an error handler libharu records the first error in the document, where
        // ``bytes()`` finds it; no call below can leave the document unusable for `HPDF_Free`.
        guard let document = HPDF_New(nil, nil) else { throw .documentNotCreated }
        self.document = document
        HPDF_SetCompressionMode(document, UInt32(HPDF_COMP_ALL))
        HPDF_UseUTFEncodings(document)
        guard let regularName = HPDF_LoadTTFontFromFile(document, fonts.regular, HPDF_TRUE),
            let regular = HPDF_GetFont(document, regularName, "UTF-8")
        else {
            HPDF_Free(document)
            throw .fontNotLoaded(path: fonts.regular)
        }
        guard let boldName = HPDF_LoadTTFontFromFile(document, fonts.bold, HPDF_TRUE),
            let bold = HPDF_GetFont(document, boldName, "UTF-8")
        else {
            HPDF_Free(document)
            throw .fontNotLoaded(path: fonts.bold)
        }
        self.regular = regular
        self.bold = bold
    }

    deinit { HPDF_Free(document) }

    /// Sets the document's title (ASCII: libharu writes info strings without conversion).
    func setTitle(_ title: String) {
        HPDF_SetInfoAttr(document, HPDF_INFO_TITLE, title)
        HPDF_SetInfoAttr(document, HPDF_INFO_CREATOR, "bsd-ledger")
    }

    /// Starts a new A4 portrait page; drawing goes there from now on.
    func addPage() {
        let page = HPDF_AddPage(document)
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT)
        self.page = page
        if let page { pages.append(page) }
        pageCount += 1
    }

    /// The width of `text` at `size` points.
    func width(_ text: String, size: Float, bold isBold: Bool = false) -> Float {
        let font = isBold ? bold : regular
        let measured = text.withCString { pointer in
            HPDF_Font_TextWidth(font, pointer, UInt32(strlen(pointer)))
        }
        return Float(measured.width) * size / 1000
    }

    /// Draws `text` with its baseline `baseline` points below the page's top.
    func text(
        _ text: String, x: Float, baseline: Float, size: Float, bold isBold: Bool = false,
        color: PdfColor = .black
    ) {
        guard let page, !text.isEmpty else { return }
        HPDF_Page_SetRGBFill(page, color.red, color.green, color.blue)
        HPDF_Page_BeginText(page)
        HPDF_Page_SetFontAndSize(page, isBold ? bold : regular, size)
        HPDF_Page_TextOut(page, x, Self.pageHeight - baseline, text)
        HPDF_Page_EndText(page)
    }

    /// Goes back to page `number` (from 1) to draw more on it.
    func selectPage(_ number: Int) {
        page = pages[number - 1]
    }

    /// Draws `text` in outline, turned `degrees` counter-clockwise about its start point
    /// `x`, `baseline`.
    func rotatedText(
        _ text: String, x: Float, baseline: Float, size: Float, degrees: Float, color: PdfColor
    ) {
        guard let page else { return }
        let radians = degrees * Float.pi / 180
        let (cosine, sine) = (Float(cos(Double(radians))), Float(sin(Double(radians))))
        HPDF_Page_SetRGBStroke(page, color.red, color.green, color.blue)
        HPDF_Page_SetLineWidth(page, 2)
        HPDF_Page_BeginText(page)
        HPDF_Page_SetTextRenderingMode(page, HPDF_STROKE)
        HPDF_Page_SetFontAndSize(page, bold, size)
        HPDF_Page_SetTextMatrix(page, cosine, sine, -sine, cosine, x, Self.pageHeight - baseline)
        HPDF_Page_ShowText(page, text)
        HPDF_Page_SetTextRenderingMode(page, HPDF_FILL)
        HPDF_Page_EndText(page)
    }

    /// A rectangle whose top-left corner is `x`, `top`, filled and/or outlined.
    func rectangle(
        x: Float, top: Float, width: Float, height: Float, fill: PdfColor? = nil,
        stroke: PdfColor? = nil, lineWidth: Float = 0.6
    ) {
        guard let page else { return }
        HPDF_Page_SetLineWidth(page, lineWidth)
        if let fill { HPDF_Page_SetRGBFill(page, fill.red, fill.green, fill.blue) }
        if let stroke { HPDF_Page_SetRGBStroke(page, stroke.red, stroke.green, stroke.blue) }
        HPDF_Page_Rectangle(page, x, Self.pageHeight - top - height, width, height)
        switch (fill != nil, stroke != nil) {
        case (true, true): HPDF_Page_FillStroke(page)
        case (true, false): HPDF_Page_Fill(page)
        case (false, true): HPDF_Page_Stroke(page)
        case (false, false): HPDF_Page_EndPath(page)
        }
    }

    /// Fills many squares of side `side` in one path (the modules of a QR code).
    func squares(_ corners: [(x: Float, top: Float)], side: Float, color: PdfColor) {
        guard let page, !corners.isEmpty else { return }
        HPDF_Page_SetRGBFill(page, color.red, color.green, color.blue)
        for corner in corners {
            HPDF_Page_Rectangle(page, corner.x, Self.pageHeight - corner.top - side, side, side)
        }
        HPDF_Page_Fill(page)
    }

    /// A straight line from `x1`, `top1` to `x2`, `top2`.
    func line(x1: Float, top1: Float, x2: Float, top2: Float, color: PdfColor, width: Float) {
        guard let page else { return }
        HPDF_Page_SetLineWidth(page, width)
        HPDF_Page_SetRGBStroke(page, color.red, color.green, color.blue)
        HPDF_Page_MoveTo(page, x1, Self.pageHeight - top1)
        HPDF_Page_LineTo(page, x2, Self.pageHeight - top2)
        HPDF_Page_Stroke(page)
    }

    /// The whole document as PDF bytes.
    /// - Throws: ``PdfError/drawing(code:detail:)`` with the first error libharu recorded.
    func bytes() throws(PdfError) -> [UInt8] {
        try check()
        let saved = HPDF_SaveToStream(document)
        guard saved == HPDF_OK else {
            try check()
            throw .drawing(code: UInt(saved), detail: 0)
        }
        var size = HPDF_GetStreamSize(document)
        var bytes = [UInt8](repeating: 0, count: Int(size))
        let status = bytes.withUnsafeMutableBufferPointer {
            HPDF_ReadFromStream(document, $0.baseAddress, &size)
        }
        // libharu answers HPDF_STREAM_EOF when the read reached the end of the stream.
        guard status == HPDF_OK || status == HPDF_STREAM_EOF else {
            throw .drawing(code: UInt(status), detail: 0)
        }
        return Array(bytes.prefix(Int(size)))
    }

    /// Throws the first error libharu recorded, if any.
    private func check() throws(PdfError) {
        let code = HPDF_GetError(document)
        guard code == HPDF_OK else {
            throw .drawing(code: UInt(code), detail: UInt(HPDF_GetErrorDetail(document)))
        }
    }
}
