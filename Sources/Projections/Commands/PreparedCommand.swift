import Domain
import Ledger

/// A decided command turned into ledger appends, one per stream, in the order the events
/// were decided.
struct PreparedCommand {
    var formId: String
    var events: [DomainEvent]
    var appends: [StreamAppend]

    func outcome(_ positions: [[UInt64]]) -> CommandOutcome {
        // Events were grouped by stream in order of first appearance; give each event its
        // position back in decision order.
        var byStream: [String: [UInt64]] = [:]
        for (append, assigned) in zip(appends, positions) { byStream[append.stream] = assigned }
        var flat: [UInt64] = []
        for event in events { flat.append(byStream[event.stream]!.removeFirst()) }
        return CommandOutcome(formId: formId, events: events, positions: flat)
    }

    /// Groups `events` by stream, each with the expected version of its state as read.
    static func appends(
        _ events: [DomainEvent], known: [String: FormState], counter: ReadableIdCounter,
        request: CommandRequest
    ) -> [StreamAppend] {
        let metadata = EventMetadata(
            correlationID: request.correlationId, actingUser: request.actor.userId,
            actingCompany: request.actor.companyOrgId)
        var appends: [StreamAppend] = []
        var index: [String: Int] = [:]
        for event in events {
            let new = NewEvent(
                id: EventID.timeOrdered(microseconds: request.now.microseconds),
                type: event.type, schemaVersion: event.schemaVersion, payload: event.payload,
                metadata: metadata)
            if let at = index[event.stream] {
                appends[at].events.append(new)
                continue
            }
            index[event.stream] = appends.count
            appends.append(
                StreamAppend(
                    stream: event.stream, expected: expected(event, known, counter),
                    events: [new]))
        }
        return appends
    }

    private static func expected(
        _ event: DomainEvent, _ known: [String: FormState], _ counter: ReadableIdCounter
    ) -> ExpectedVersion {
        let version: Int
        if case .readableIdReserved = event {
            version = counter.version
        } else {
            version = known[event.formId].map { $0.exists ? $0.version : 0 } ?? 0
        }
        return version == 0 ? .noStream : .exact(UInt64(version - 1))
    }
}

extension DomainEvent {
    /// Whether the event creates a BSD.
    var isCreation: Bool {
        switch self {
        case .formCreated: true
        case .formImportedFromPaper(let event): event.readableId != nil
        default: false
        }
    }
}
