/// What an integrator asks of a BSD. ``FormDecider`` turns a command into events or refuses
/// it.
public enum FormCommand: Hashable, Sendable {
    /// Create a draft with this content (new id from the context).
    case create(FormContent)
    /// Replace the content; the event carries the diff.
    case update(FormContent)
    /// Soft-delete.
    case delete
    /// Create a new draft copying this BSD's content (new id from the context).
    case duplicate
    /// DRAFT → SEALED, after full validation.
    case seal
    /// The emitter signs.
    case signEmission(SignEmissionInput)
    /// The next transporter in the chain signs.
    case signTransport(SignTransportInput)
    /// The destination receives the waste, possibly deciding acceptance at once.
    case markReceived(Reception)
    /// The destination signs acceptance.
    case markAccepted(Reception)
    /// The destination signs the treatment.
    case markProcessed(Processing)
    /// The temporary storer receives the waste.
    case markTempStored(Reception)
    /// The temporary storer signs acceptance.
    case markTempStorerAccepted(Reception)
    /// The temporary storer fills in the onward journey.
    case markResealed(ResealInput)
    /// The temporary storer signs as emitter of the onward journey.
    case signTempStorerEmission(SignEmissionInput)
    /// The waste leaves the temporary storage.
    case markResent
    /// The waste leaves the temporary storage with this onward journey, recorded in the same
    /// event (the deprecated `markAsResent(resentInfos)`).
    case resendWith(ResealInput)
    /// Record a paper BSD: on a sealed BSD, or as a new one when the state does not exist.
    case importPaperForm(PaperImportInput)
    /// Cancel after an approved revision request.
    case cancel(reason: String)

    /// The command's kind, named in errors.
    public var kind: CommandKind {
        switch self {
        case .create: .create
        case .update: .update
        case .delete: .delete
        case .duplicate: .duplicate
        case .seal: .seal
        case .signEmission: .signEmission
        case .signTransport: .signTransport
        case .markReceived: .markReceived
        case .markAccepted: .markAccepted
        case .markProcessed: .markProcessed
        case .markTempStored: .markTempStored
        case .markTempStorerAccepted: .markTempStorerAccepted
        case .markResealed: .markResealed
        case .signTempStorerEmission: .signTempStorerEmission
        case .markResent, .resendWith: .markResent
        case .importPaperForm: .importPaperForm
        case .cancel: .cancel
        }
    }
}
