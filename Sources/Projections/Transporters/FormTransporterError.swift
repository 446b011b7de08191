import Domain
import Ledger

/// Why a command on a standalone transporter was not carried out; nothing was appended.
public enum FormTransporterError: Error, Equatable, Sendable {
    /// The domain refused the command.
    case domain(TransporterError)
    /// Another command changed the transporter's stream since its state was read.
    case conflict(stream: String, expected: ExpectedVersion, actual: UInt64?)
    /// The forms projection cannot say whether a BSD names the transporter.
    case projection(ProjectionError)
    /// The ledger failed, or an event of the stream cannot be read back.
    case ledger(LedgerError)
    /// A stored event of the stream cannot be decoded.
    case undecodableEvent(position: UInt64, type: String, reason: String)
}
