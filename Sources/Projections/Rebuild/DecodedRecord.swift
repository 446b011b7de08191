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
        var event: DomainEvent?
        var failure: (any Error)?
        do {
            event = try FormStore.decodeEvent(view)
        } catch {
            failure = error
        }
        self.event = event
        self.failure = failure
        actingUser =
            event == nil && failure == nil
            ? .success(nil)
            : Result { () throws(LedgerError) -> String? in try view.actingUser() }
    }
}
