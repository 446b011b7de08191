import Domain

/// What the first page's header says: the legal reference, the title, the dangerousness
/// and emitter-type checkboxes, the BSD's numbers, its status, the QR code of its readable
/// id, the time of drawing, and whether it was cancelled.
struct FormPdfHeader: Sendable {
    /// The BSD's readable id, printed and encoded in the QR code.
    var readableId: String
    /// The integrator's own reference.
    var customId: String?
    /// The readable id of the annexe-1 round this BSD is an item of.
    var containerReadableId: String?
    /// Whether the waste is dangerous (nil: not said yet).
    var isDangerous: Bool?
    /// The emitter's type, checked among all of them.
    var emitterType: EmitterType?
    /// The status in words.
    var status: String
    /// "Édité le …".
    var editedAt: String
    /// Why the BSD was cancelled, when it was ("" when no reason was given).
    var cancellation: String?
    /// The QR code of ``readableId``.
    var qrCode: QRCode

    /// The header of `input`'s BSD.
    /// - Throws: ``PdfError/qrCode(text:errno:)`` when the readable id cannot be encoded.
    init(_ input: FormPdfInput) throws(PdfError) {
        let state = input.state
        readableId = state.readableId
        customId = state.content.customId
        containerReadableId = state.appendix1ContainerId.map(input.readableId)
        let waste = state.content.wasteDetails
        isDangerous = waste.isDangerous ?? waste.code.map(Nomenclatures.isDangerous)
        emitterType = state.content.emitter.type
        status = FrenchText.status(state.status)
        editedAt = FrenchText.dateTime(input.editedAt)
        cancellation = state.status == .canceled ? (state.cancellationReason ?? "") : nil
        qrCode = try QRCode(state.readableId.isEmpty ? state.id : state.readableId)
    }
}
