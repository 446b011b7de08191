import CanonicalJSON

/// Every event the BSDD domain produces. Each has a type name, a schema version and a
/// canonical JSON payload (catalogued in `events/<type>/v<version>.schema.json`), and goes
/// to one stream: `form-<id>` or the yearly `readable-id-<year>` counter.
public enum DomainEvent: Hashable, Sendable {
    /// A readable-id number was reserved.
    case readableIdReserved(ReadableIdReserved)
    /// A draft BSD was created.
    case formCreated(FormCreated)
    /// Content fields changed.
    case formUpdated(FormUpdated)
    /// The BSD was soft-deleted.
    case formDeleted(StatusChanged)
    /// The BSD was sealed.
    case formSealed(StatusChanged)
    /// The emitter signed.
    case emissionSigned(EmissionSigned)
    /// A transporter took the waste over.
    case transportSigned(TransportSigned)
    /// The destination received the waste.
    case formReceived(ReceptionSigned)
    /// The destination signed acceptance.
    case formAccepted(ReceptionSigned)
    /// The temporary storer received the waste.
    case formTempStored(ReceptionSigned)
    /// The temporary storer signed acceptance.
    case formTempStorerAccepted(ReceptionSigned)
    /// The treatment was signed.
    case formProcessed(FormProcessed)
    /// The onward journey was filled in.
    case formResealed(FormResealed)
    /// The temporary storer signed as emitter of the onward journey.
    case tempStorerEmissionSigned(EmissionSigned)
    /// The waste left the temporary storage.
    case formResent(StatusChanged)
    /// An initial BSD was grouped, partly or fully, into a sealed regroupement BSD.
    case formGrouped(FormLinked)
    /// Every regroupement holding a grouped BSD was treated.
    case groupedFormProcessed(FormLinked)
    /// A refused regroupement released an initial BSD, which awaits grouping again.
    case formUngrouped(FormLinked)
    /// An annexe-1 item was attached to its container.
    case formAttachedToAppendix1(FormLinked)
    /// A paper BSD was imported.
    case formImportedFromPaper(FormImportedFromPaper)
    /// The BSD was cancelled.
    case formCanceled(StatusChanged)

    /// The event type's name, as stored in the ledger's envelope.
    public var type: String {
        switch self {
        case .readableIdReserved: "ReadableIdReserved"
        case .formCreated: "FormCreated"
        case .formUpdated: "FormUpdated"
        case .formDeleted: "FormDeleted"
        case .formSealed: "FormSealed"
        case .emissionSigned: "EmissionSigned"
        case .transportSigned: "TransportSigned"
        case .formReceived: "FormReceived"
        case .formAccepted: "FormAccepted"
        case .formTempStored: "FormTempStored"
        case .formTempStorerAccepted: "FormTempStorerAccepted"
        case .formProcessed: "FormProcessed"
        case .formResealed: "FormResealed"
        case .tempStorerEmissionSigned: "TempStorerEmissionSigned"
        case .formResent: "FormResent"
        case .formGrouped: "FormGrouped"
        case .groupedFormProcessed: "GroupedFormProcessed"
        case .formUngrouped: "FormUngrouped"
        case .formAttachedToAppendix1: "FormAttachedToAppendix1"
        case .formImportedFromPaper: "FormImportedFromPaper"
        case .formCanceled: "FormCanceled"
        }
    }

    /// The payload's schema version; every type is at version 1 so far.
    public var schemaVersion: UInt16 { 1 }

    /// The stream the event is appended to.
    public var stream: String {
        if case .readableIdReserved(let event) = self {
            return ReadableIdCounter.streamId(year: event.year)
        }
        return FormState.streamId(formId: formId)
    }

    /// The BSD the event is about.
    public var formId: String {
        if case .readableIdReserved(let event) = self { return event.formId }
        guard let header else { preconditionFailure("every BSD event payload has a header") }
        return header.formId
    }

    /// The payload's header (which BSD, when, who), for every event but the counter's; read
    /// straight from the case, without boxing the payload.
    public var header: EventHeader? {
        switch self {
        case .readableIdReserved: nil
        case .formCreated(let event): event.header
        case .formUpdated(let event): event.header
        case .formDeleted(let event), .formSealed(let event), .formResent(let event),
            .formCanceled(let event):
            event.header
        case .emissionSigned(let event), .tempStorerEmissionSigned(let event): event.header
        case .transportSigned(let event): event.header
        case .formReceived(let event), .formAccepted(let event), .formTempStored(let event),
            .formTempStorerAccepted(let event):
            event.header
        case .formProcessed(let event): event.header
        case .formResealed(let event): event.header
        case .formGrouped(let event), .groupedFormProcessed(let event), .formUngrouped(let event),
            .formAttachedToAppendix1(let event):
            event.header
        case .formImportedFromPaper(let event): event.header
        }
    }

    /// The payload as a JSON tree.
    var payloadValue: any JSONConvertible {
        switch self {
        case .readableIdReserved(let event): event
        case .formCreated(let event): event
        case .formUpdated(let event): event
        case .formDeleted(let event), .formSealed(let event), .formResent(let event),
            .formCanceled(let event):
            event
        case .emissionSigned(let event), .tempStorerEmissionSigned(let event): event
        case .transportSigned(let event): event
        case .formReceived(let event), .formAccepted(let event), .formTempStored(let event),
            .formTempStorerAccepted(let event):
            event
        case .formProcessed(let event): event
        case .formResealed(let event): event
        case .formGrouped(let event), .groupedFormProcessed(let event), .formUngrouped(let event),
            .formAttachedToAppendix1(let event):
            event
        case .formImportedFromPaper(let event): event
        }
    }

    /// The payload in canonical JSON.
    public var payload: [UInt8] { CanonicalJSON.encode(payloadValue.jsonValue, capacity: 1024) }
}

extension DomainEvent {
    /// When the event was decided; the counter event carries no instant and gives zero.
    public var at: Timestamp {
        header?.at ?? Timestamp(microseconds: 0)
    }

    /// Who acted, for every event but the counter's.
    public var actor: Actor? {
        header?.actor
    }
}
