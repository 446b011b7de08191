/// What the emitter gives when signing emission; waste fields given here complete the BSD.
public struct SignEmissionInput: Hashable, Sendable {
    /// When the emitter signed.
    public var emittedAt: Timestamp
    /// Who signed.
    public var emittedBy: String
    /// Whether the eco-organisme signs instead of the emitter.
    public var byEcoOrganisme = false
    /// The quantity, when known only now.
    public var quantity: Weight?
    /// The packagings, when known only now.
    public var packagings: [Packaging]?
    /// The ADR flag.
    public var isSubjectToADR: Bool?
    /// The ADR mention.
    public var onuCode: String?
    /// RID/ADN/IMDG mention.
    public var nonRoadRegulationMention: String?
    /// The first transporter's plates.
    public var transporterNumberPlates: [String]?

    /// Makes an input with the two required fields.
    public init(emittedAt: Timestamp, emittedBy: String) {
        self.emittedAt = emittedAt
        self.emittedBy = emittedBy
    }
}

/// What a transporter gives when taking the waste over.
public struct SignTransportInput: Hashable, Sendable {
    /// When the waste was taken over.
    public var takenOverAt: Timestamp
    /// Who took it over.
    public var takenOverBy: String
    /// Plates, when not already on the BSD.
    public var numberPlates: [String]?
    /// Transport mode, when not already on the BSD.
    public var mode: TransportMode?

    /// Makes an input with the two required fields.
    public init(takenOverAt: Timestamp, takenOverBy: String) {
        self.takenOverAt = takenOverAt
        self.takenOverBy = takenOverBy
    }
}

/// The onward journey after temporary storage.
public struct ResealInput: Hashable, Sendable {
    /// The final destination; defaults to the one planned at creation.
    public var destination: Recipient?
    /// The onward transporter.
    public var transporter: Transporter?
    /// Waste details after repackaging.
    public var wasteDetails: WasteDetails?

    /// An empty input.
    public init() {}
}

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
