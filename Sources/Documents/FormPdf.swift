import Domain

/// The PDF of a BSD (reference §10): an A4 document in French with the BSD's numbered
/// boxes, drawn natively with libharu; the readable id as a QR code in the header; an
/// "ANNULÉ" stamp when the BSD was cancelled; the signatures and dates of each step.
///
/// ``boxes(_:)`` decides what the document says (pure, tested on its own);
/// ``document(_:fonts:)`` draws it.
public enum FormPdf {
    /// The PDF bytes of `input`'s BSD.
    /// - Throws: ``PdfError`` when a font does not load or libharu fails.
    public static func document(
        _ input: FormPdfInput, fonts: PdfFonts = .dejaVuSans
    ) throws(PdfError) -> [UInt8] {
        let canvas = try PdfCanvas(fonts: fonts)
        let renderer = FormPdfRenderer(
            canvas: canvas, header: try FormPdfHeader(input), boxes: boxes(input))
        renderer.draw()
        return try canvas.bytes()
    }

    /// The boxes that apply to `input`'s BSD, in the order they are drawn: the emitter's
    /// part, the waste, the transport and the steps, the temporary storage when the BSD goes
    /// through one, the other transporters, the annexed BSDs.
    public static func boxes(_ input: FormPdfInput) -> [PdfBox] {
        let state = input.state
        var boxes = [emitterBox(state), collectionSiteBox(state)].compactMap { $0 }
        if let eco = ecoOrganismeBox(state) { boxes.append(eco) }
        boxes.append(destinationBox(state))
        boxes += [wasteBox(state), packagingBox(state), quantityBox(state), mentionsBox(state)]
        if let parties = intermediariesBox(state) { boxes.append(parties) }
        boxes += [transporterBox(state), emissionBox(state), receptionBox(state)]
        boxes.append(operationBox(state))
        if let next = nextDestinationBox(state) { boxes.append(next) }
        if goesThroughTemporaryStorage(state) { boxes += temporaryStorageBoxes(state) }
        boxes += otherTransporterBoxes(state)
        if let annexes = annexesBox(input) { boxes.append(annexes) }
        return boxes
    }

    /// Whether boxes 13 to 19 apply: the destination is a temporary storage site, or the
    /// waste was received at one.
    static func goesThroughTemporaryStorage(_ state: FormState) -> Bool {
        state.content.recipient.isTempStorage || state.temporaryStorage != nil
    }
}
