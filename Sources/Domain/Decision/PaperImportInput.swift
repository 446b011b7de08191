/// Every box of a paper BSD.
public struct PaperImportInput: Hashable, Sendable {
    /// The content as on paper.
    public var content: FormContent
    /// The emission signature.
    public var emission: EmissionSignature
    /// The take-over signature.
    public var transport: TransportSignature
    /// Reception and acceptance.
    public var reception: Reception
    /// The treatment.
    public var processing: Processing

    /// Makes an input.
    public init(
        content: FormContent, emission: EmissionSignature, transport: TransportSignature,
        reception: Reception, processing: Processing
    ) {
        self.content = content
        self.emission = emission
        self.transport = transport
        self.reception = reception
        self.processing = processing
    }
}
