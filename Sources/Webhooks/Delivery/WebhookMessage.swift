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
        guard event.streamID.hasPrefix("form-") else { return nil }
        let formId = String(event.streamID.dropFirst(5))
        guard let state = try FormQueries(ledger: ledger).read({ try $0.state(formId) }) else {
            return nil
        }
        var living = state
        living.isDeleted = false
        guard living.readerOrgIds.contains(orgId) else { return nil }
        let action =
            switch event.type {
            case "FormCreated", "FormImportedFromPaper": "CREATED"
            case "FormDeleted": "DELETED"
            default: "UPDATED"
            }
        let thin = CanonicalJSON.encode(
            JSONValue.array([["action": .string(action), "id": .string(state.readableId)]]))
        var body = thin
        if kind == .envelope {
            var envelope: [UInt8] = []
            try ledger.scan(after: event.position - 1, limit: 1) { view in
                envelope = Array(view.envelope)
                return false
            }
            let full =
                Array(#"[{"action":"#.utf8) + CanonicalJSON.encode(JSONValue.string(action))
                + Array(#","event":"#.utf8) + envelope + Array(#","id":"#.utf8)
                + CanonicalJSON.encode(JSONValue.string(state.readableId)) + Array("}]".utf8)
            if full.count <= cap { body = full }
        }
        return WebhookMessage(
            position: event.position, webhookId: "msg_" + event.id.description, formId: formId,
            body: body)
    }
}
