import Domain
import Ledger

/// One record of the log as the fold needs it, decoded ahead.
struct DecodedRecord: Sendable {
    let position: UInt64
    /// The BSD event, or why it could not be decoded; nil for a record of another stream.
    let event: Result<DomainEvent, any Error>?
    /// The acting user of a BSD event, which its status log entry may need.
    let actingUser: Result<String?, LedgerError>

    /// Decodes `view`'s BSD event and acting user.
    init(_ view: RecordView) {
        position = view.position
        do {
            guard let decoded = try FormStore.decodeEvent(view) else {
                event = nil
                actingUser = .success(nil)
                return
            }
            event = .success(decoded)
        } catch {
            event = .failure(error)
        }
        actingUser = Result { () throws(LedgerError) -> String? in try view.actingUser() }
    }
}
