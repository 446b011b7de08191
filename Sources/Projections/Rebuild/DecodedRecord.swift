import Domain
import Ledger

/// One record of the log as the fold needs it, decoded ahead. A class with constant
/// members, so that the fold reads the event where it is instead of copying it (an event
/// copied is every string and list of its content retained).
final class DecodedRecord: Sendable {
    let position: UInt64
    /// The BSD event; nil for a record of another stream or one that could not be decoded.
    let event: DomainEvent?
    /// Why the BSD event could not be decoded.
    let failure: (any Error)?
    /// The acting user of a BSD event, which its status log entry may need.
    let actingUser: Result<String?, LedgerError>

    /// Decodes `view`'s BSD event and acting user.
    init(_ view: RecordView) {
        position = view.position
        // Stored straight into the members: a decoded event moved through a local would be
        // copied, every string and list of it retained and released once more.
        let isEvent: Bool
        do {
            event = try FormStore.decodeEvent(view)
            failure = nil
            isEvent = event != nil
        } catch {
            event = nil
            failure = error
            isEvent = true
        }
        actingUser =
            isEvent
            ? Result { () throws(LedgerError) -> String? in try view.actingUser() }
            : .success(nil)
    }
}
