import Domain
import Ledger
import Synchronization

/// The per-event work of delivery, shared by every endpoint worker: each worker follows the
/// whole log, so without it a hundred endpoints would each load every event's BSD from the
/// forms projection to learn that ninety-five of them may not read it, and build the same
/// body again and again. The first worker to meet an event works out its audience (and,
/// when asked, each body form); the others read that while the event is among the last
/// `capacity` looked at. The audience is the BSD's readers as of the event, so when it is
/// worked out does not matter: a worker far behind (an endpoint that was down) that finds
/// the event evicted works out the same answer again. To make that cheap, the BSD as the
/// last event looked at left it is kept too, so the next event of that BSD costs one fold
/// instead of a replay of its stream.
final class MessageCache: Sendable {
    private struct Entry {
        var audience: EventAudience?
        var bodies: [WebhookPayloadKind: WebhookMessage] = [:]
    }

    private enum Lookup {
        case unknown
        case notForThisCompany
        case audience(EventAudience)
        case message(WebhookMessage)
    }

    private struct State {
        var entries: [UInt64: Entry] = [:]
        var order: [UInt64] = []
        var head = 0
        /// The BSDs as the latest of their events looked at left them, by id.
        var forms: [String: FormState] = [:]
    }

    private let state = Mutex(State())
    private let capacity: Int
    private let ledger: Ledger
    private let cap: Int

    /// A cache over `ledger` holding the last `capacity` events looked at; envelope bodies
    /// over `cap` bytes fall back to the short form.
    init(ledger: Ledger, cap: Int, capacity: Int = 4_096) {
        precondition(capacity > 0, "the cache holds at least one event")
        self.ledger = ledger
        self.cap = cap
        self.capacity = capacity
    }

    /// How many events are held.
    var count: Int { state.withLock { $0.entries.count } }

    /// The message for `event` to company `orgId` in body form `kind`, nil when the event is
    /// not for that company (see ``WebhookMessage/make(for:orgId:kind:ledger:cap:)``).
    func message(
        for event: RecordedEvent, orgId: String, kind: WebhookPayloadKind
    ) throws -> WebhookMessage? {
        // Only what this call needs leaves the lock: most events are for other companies.
        var found = state.withLock { state -> Lookup in
            guard let entry = state.entries[event.position] else { return .unknown }
            guard let audience = entry.audience, audience.readers.contains(orgId) else {
                return .notForThisCompany
            }
            return entry.bodies[kind].map(Lookup.message) ?? .audience(audience)
        }
        if case .unknown = found {
            let formId = event.streamID.dropFirst(5)
            let known = state.withLock { $0.forms[String(formId)] }
            let read = try EventAudience.read(event, ledger: ledger, before: known)
            let audience = read?.audience
            keep(Entry(audience: audience), at: event.position, after: read?.after)
            found = audience.map(Lookup.audience) ?? .notForThisCompany
            if case .audience(let known) = found, !known.readers.contains(orgId) {
                found = .notForThisCompany
            }
        }
        switch found {
        case .unknown, .notForThisCompany: return nil
        case .message(let message): return message
        case .audience(let audience):
            let message = try audience.message(kind, ledger: ledger, cap: cap)
            state.withLock { $0.entries[event.position]?.bodies[kind] = message }
            return message
        }
    }

    /// For each of `events`, whether it may be for company `orgId`: false when it is held
    /// and its audience leaves the company out (or it has none), true otherwise, when
    /// ``message(for:orgId:kind:)`` decides. One lock for the whole batch: a worker going
    /// through a backlog passes over most events, and taking the lock and the event one by one
    /// for each was a tenth of the server's work while draining one.
    func mayConcern(_ events: ArraySlice<RecordedEvent>, orgId: String) -> [Bool] {
        state.withLock { state in
            events.indices.map { index in
                guard let entry = state.entries[events[index].position] else { return true }
                return entry.audience?.readers.contains(orgId) ?? false
            }
        }
    }

    private func keep(_ entry: Entry, at position: UInt64, after form: FormState?) {
        state.withLock { state in
            if let form, form.version > state.forms[form.id]?.version ?? 0 {
                if state.forms.count >= capacity { state.forms.removeAll(keepingCapacity: true) }
                state.forms[form.id] = form
            }
            guard state.entries[position] == nil else { return }
            state.entries[position] = entry
            state.order.append(position)
            if state.order.count - state.head > capacity {
                state.entries[state.order[state.head]] = nil
                state.head += 1
            }
            if state.head > capacity {
                state.order.removeFirst(state.head)
                state.head = 0
            }
        }
    }
}
