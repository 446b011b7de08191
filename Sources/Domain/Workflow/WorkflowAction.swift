/// An input of the BSD state machine: the reference engine's 13 machine events plus
/// cancellation, which its revision requests perform outside the machine.
public enum WorkflowAction: String, CaseIterable, Sendable, JSONStringEnum {
    /// DRAFT → SEALED.
    case seal = "MARK_AS_SEALED"
    /// The emitter signs (SIGNED_BY_PRODUCER).
    case signEmission = "SIGNED_BY_PRODUCER"
    /// A transporter takes the waste over.
    case signTransport = "SIGNED_BY_TRANSPORTER"
    /// The destination receives the waste.
    case markReceived = "MARK_AS_RECEIVED"
    /// The destination signs acceptance.
    case markAccepted = "MARK_AS_ACCEPTED"
    /// The destination signs the treatment.
    case markProcessed = "MARK_AS_PROCESSED"
    /// The temporary storer receives the waste.
    case markTempStored = "MARK_AS_TEMP_STORED"
    /// The temporary storer signs acceptance.
    case markTempStorerAccepted = "MARK_AS_TEMP_STORER_ACCEPTED"
    /// The onward journey is filled in.
    case markResealed = "MARK_AS_RESEALED"
    /// The temporary storer signs as emitter of the onward journey.
    case signTempStorerEmission = "SIGNED_BY_TEMP_STORER"
    /// The waste leaves the temporary storage.
    case markResent = "MARK_AS_RESENT"
    /// The BSD is fully grouped into regroupement BSDs.
    case markGrouped = "MARK_AS_GROUPED"
    /// A paper BSD is recorded with all its boxes.
    case importPaperForm = "IMPORT_PAPER_FORM"
    /// An approved revision request cancels the BSD.
    case cancel = "CANCEL"
}
