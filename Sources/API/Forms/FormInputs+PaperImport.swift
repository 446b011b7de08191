import Domain
import GraphQL

extension FormInputs {
    /// ImportPaperFormInput → the id of the sealed BSD to complete (nil: create) and the input.
    ///
    /// The content fields merge over `base` (the sealed BSD's content; nil: an empty one) as
    /// in ``updatedContent(_:base:)``. `signingInfo` gives both the emission signature and
    /// the first transporter's take-over (`sentAt`, `sentBy`): a paper BSD records one
    /// departure. `receivedInfo` and `processedInfo` read as in ``received(_:)`` and
    /// ``processed(_:)``.
    /// - Throws: as ``createContent(_:)``; `REQUIRED` for a missing step block.
    func paperImport(
        _ input: JSONObject, base: FormContent?
    ) throws(APIError)
        -> (id: String?, input: PaperImportInput)
    {
        var reader = InputReader(input)
        let id = reader.string("id")
        var content = base ?? FormContent()
        try merge(&reader, into: &content)
        let signing = Self.step(&reader, "signingInfo", Self.departure)
        let reception = Self.step(&reader, "receivedInfo") {
            Self.reception(&$0, quantityType: "quantityReceivedType")
        }
        let processing = Self.step(&reader, "processedInfo", Self.processing)
        guard let signing, let reception, let processing else { return try reader.finish(nil) }
        let imported = PaperImportInput(
            content: content, emission: signing.emission, transport: signing.transport,
            reception: reception, processing: processing)
        return try reader.finish((id, imported))
    }

    /// The step block at `key` read by `body`; nil with a `REQUIRED` issue when it is absent.
    private static func step<T>(
        _ reader: inout InputReader, _ key: String, _ body: (inout InputReader) -> T?
    ) -> T? {
        let given = reader.nested(key, body)
        if given == nil { _ = reader.required(given, key) }
        return given ?? nil
    }

    /// `SignatureFormInput` (`sentAt`, `sentBy`) → the emission and first take-over.
    private static func departure(
        _ reader: inout InputReader
    ) -> (
        emission: EmissionSignature, transport: TransportSignature
    )? {
        let sentAt = reader.requiredDate("sentAt")
        let sentBy = reader.requiredString("sentBy")
        guard let sentAt, let sentBy else { return nil }
        return (
            EmissionSignature(emittedAt: sentAt, emittedBy: sentBy),
            TransportSignature(number: 1, takenOverAt: sentAt, takenOverBy: sentBy)
        )
    }
}
