import Domain
import Identity

/// What a caller wants to do with a BSD, as far as permissions are concerned (reference §1.3
/// and §5). The data of the command does not matter here, except what changes who may act.
enum FormAction: Sendable {
    /// Read it (queries).
    case read
    /// Create a BSD with this content.
    case create(FormContent)
    /// Change its content; the content after the change must still name one of the
    /// caller's companies.
    case update(after: FormContent)
    /// Soft-delete it.
    case delete
    /// Copy it into a new draft.
    case duplicate
    /// Seal the draft.
    case seal
    /// Sign the emission (the emitter, the eco-organisme, or the temporary storer for the
    /// onward journey).
    case signEmission(byEcoOrganisme: Bool)
    /// Sign the next take-over.
    case signTransport
    /// Receive or accept at the final destination.
    case receive
    /// Record the treatment.
    case process
    /// Receive or accept at the temporary storage.
    case tempStore
    /// Fill in the onward journey after temporary storage.
    case reseal
    /// Send the waste on from the temporary storage (signs for the storer).
    case resend
    /// Complete a sealed BSD from its paper copy.
    case importPaper
    /// Change the transporters (multimodal operations); DRIVER may do this for plates.
    case editTransporters

    /// The permission the caller needs in the acting company.
    var permission: Permission {
        switch self {
        case .read: .bsdCanRead
        case .create, .duplicate, .importPaper: .bsdCanCreate
        case .update, .reseal, .editTransporters: .bsdCanUpdate
        case .delete, .seal: .bsdCanDelete
        case .signEmission, .resend: .bsdCanSignEmission
        case .signTransport: .bsdCanSignTransport
        case .receive, .tempStore: .bsdCanSignAcceptation
        case .process: .bsdCanSignOperation
        }
    }

    /// Whether a company's security code, typed on the caller's device, may stand in for
    /// membership (reference §5: emission and transport signatures only).
    var acceptsSecurityCode: Bool {
        switch self {
        case .signEmission, .signTransport: true
        default: false
        }
    }

    /// Whether a DRIVER may do it: transport steps only.
    var isTransportStep: Bool {
        switch self {
        case .read, .signTransport, .editTransporters: true
        default: false
        }
    }
}
