/// The kinds of ``FormCommand``, for errors and logs.
public enum CommandKind: String, CaseIterable, Sendable {
    /// ``FormCommand/create(_:)``.
    case create
    /// ``FormCommand/update(_:)``.
    case update
    /// ``FormCommand/delete``.
    case delete
    /// ``FormCommand/duplicate``.
    case duplicate
    /// ``FormCommand/seal``.
    case seal
    /// ``FormCommand/signEmission(_:)``.
    case signEmission
    /// ``FormCommand/signTransport(_:)``.
    case signTransport
    /// ``FormCommand/markReceived(_:)``.
    case markReceived
    /// ``FormCommand/markAccepted(_:)``.
    case markAccepted
    /// ``FormCommand/markProcessed(_:)``.
    case markProcessed
    /// ``FormCommand/markTempStored(_:)``.
    case markTempStored
    /// ``FormCommand/markTempStorerAccepted(_:)``.
    case markTempStorerAccepted
    /// ``FormCommand/markResealed(_:)``.
    case markResealed
    /// ``FormCommand/signTempStorerEmission(_:)``.
    case signTempStorerEmission
    /// ``FormCommand/markResent``.
    case markResent
    /// ``FormCommand/importPaperForm(_:)``.
    case importPaperForm
    /// ``FormCommand/cancel(reason:)``.
    case cancel
}
