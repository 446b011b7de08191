import CanonicalJSON
import Domain
import Ledger
import Projections

/// One event as one endpoint receives it: the body, and the `webhook-id` that stays the
/// same across every attempt and resend of it.
struct WebhookMessage: Sendable {
    /// The event's ledger position.
    var position: UInt64
    /// `msg_` and the event's id: stable, unique per event, free of dots.
    var webhookId: String
    /// The BSD's id.
    var formId: String
    /// The exact bytes sent and signed.
    var body: [UInt8]

    /// The message for `event` to a company `orgId`, or nil when the event is not a BSD's
    /// or the company may not read that BSD. Who may read is the BSD's current state in the
    /// forms projection (for a deleted BSD, who could read it just before).
    static func make(
        for event: RecordedEvent, orgId: String, kind: WebhookPayloadKind, ledger: Ledger,
        cap: Int
    ) throws -> WebhookMessage? {
        guard let audience = try EventAudience.read(event, ledger: ledger),
            audience.readers.contains(orgId)
        else { return nil }
        return try audience.message(kind, ledger: ledger, cap: cap)
    }
}

/// What every endpoint's message for one BSD event shares: the BSD, the action, who may
/// read the BSD; worked out once per event however many endpoints look at it.
struct EventAudience: Sendable {
    var position: UInt64
    var webhookId: String
    var formId: String
    var readableId: String
    /// CREATED, UPDATED or DELETED.
    var action: String
    /// The companies that may read the BSD (for a deleted one, that could just before).
    var readers: Set<String>

    /// The audience of `event`, nil when it is not a BSD's event or the BSD is unknown to
    /// the forms projection.
    static func read(_ event: RecordedEvent, ledger: Ledger) throws -> EventAudience? {
        guard event.streamID.hasPrefix("form-") else { return nil }
        let formId = String(event.streamID.dropFirst(5))
        guard let state = try FormQueries(ledger: ledger).read({ try $0.state(formId) }) else {
            return nil
        }
        var living = state
        living.isDeleted = false
        let action =
            switch event.type {
            case "FormCreated", "FormImportedFromPaper": "CREATED"
            case "FormDeleted": "DELETED"
            default: "UPDATED"
            }
        return EventAudience(
            position: event.position, webhookId: "msg_" + event.id.description, formId: formId,
            readableId: state.readableId, action: action, readers: living.readerOrgIds)
    }

    /// The message in body form `kind`; an envelope body over `cap` bytes falls back to the
    /// short form.
    func message(_ kind: WebhookPayloadKind, ledger: Ledger, cap: Int) throws -> WebhookMessage {
        let thin = CanonicalJSON.encode(
            JSONValue.array([["action": .string(action), "id": .string(readableId)]]))
        var body = thin
        if kind == .envelope {
            var envelope: [UInt8] = []
            try ledger.scan(after: position - 1, limit: 1) { view in
                envelope = Array(view.envelope)
                return false
            }
            let full =
                Array(#"[{"action":"#.utf8) + CanonicalJSON.encode(JSONValue.string(action))
                + Array(#","event":"#.utf8) + envelope + Array(#","id":"#.utf8)
                + CanonicalJSON.encode(JSONValue.string(readableId)) + Array("}]".utf8)
            if full.count <= cap { body = full }
        }
        return WebhookMessage(
            position: position, webhookId: webhookId, formId: formId, body: body)
    }
}
