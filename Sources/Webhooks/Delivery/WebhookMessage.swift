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
    /// or the company could not read that BSD as the event left it (see
    /// ``EventAudience/read(_:ledger:before:)``).
    static func make(
        for event: RecordedEvent, orgId: String, kind: WebhookPayloadKind, ledger: Ledger,
        cap: Int
    ) throws -> WebhookMessage? {
        guard let audience = try EventAudience.read(event, ledger: ledger)?.audience,
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
    /// The companies that could read the BSD as the event left it (for a deletion, as it
    /// was just before).
    var readers: Set<String>

    /// The audience of `event` and the BSD right after it, nil when it is not a BSD's event.
    /// Who may read is decided by the BSD as of the event, never as it is when a worker gets
    /// to it, so an endpoint that was down gets exactly what it would have got live: events
    /// from before its company could read the BSD, or after it lost access, are not for it.
    /// - Parameter known: the BSD just before `event` when the caller has it; otherwise it
    ///   is folded from the BSD's stream up to the event (nothing to fold for its first).
    static func read(
        _ event: RecordedEvent, ledger: Ledger, before known: FormState? = nil
    ) throws -> (audience: EventAudience, after: FormState)? {
        guard event.streamID.hasPrefix("form-") else { return nil }
        let formId = String(event.streamID.dropFirst(5))
        let before =
            if let known, known.version == Int(event.streamVersion) {
                known
            } else if event.streamVersion == 0 {
                // The BSD's first event: nothing comes before it, no need to read the stream.
                FormState(id: formId)
            } else {
                try FormHistory(ledger: ledger).auditState(
                    formId: formId, asOf: .position(event.position - 1))
            }
        let after = FormEvolver.evolve(
            before,
            try DomainEvent.decode(
                type: event.type, schemaVersion: event.schemaVersion, payload: event.payload))
        let action =
            switch event.type {
            case "FormCreated", "FormImportedFromPaper": "CREATED"
            case "FormDeleted": "DELETED"
            default: "UPDATED"
            }
        let shown = action == "DELETED" ? before : after
        guard shown.exists else { return nil }
        let readers = try FormQueries(ledger: ledger).read { try $0.readers(of: shown) }
        let audience = EventAudience(
            position: event.position, webhookId: "msg_" + event.id.description, formId: formId,
            readableId: shown.readableId, action: action, readers: readers)
        return (audience, after)
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
